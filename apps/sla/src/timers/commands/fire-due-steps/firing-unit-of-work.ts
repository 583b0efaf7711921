import { UnitOfWork } from '@ticketing/database';

/** The unit of work firings run in: on a connection of the firing loop's own (see DedicatedConnectionUnitOfWork). */
export abstract class FiringUnitOfWork extends UnitOfWork {
  /** Gives the connection back (at shutdown). */
  abstract release(): Promise<void>;
}
