import { UnitOfWork } from '@ticketing/database';

/**
 * The unit of work of handler specs: runs the work at once and counts the transactions it was
 * asked for, so a spec can check that a use case is one unit of work. The in-memory repositories
 * beside it hold the state.
 */
export class InlineUnitOfWork extends UnitOfWork {
  transactions = 0;

  transaction<T>(work: () => Promise<T>): Promise<T> {
    this.transactions += 1;
    return work();
  }
}
