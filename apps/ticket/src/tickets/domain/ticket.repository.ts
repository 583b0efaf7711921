import { Ticket } from './ticket.aggregate';

/**
 * Where tickets live. `lockById` holds the ticket for the rest of the unit of work, so two actors
 * on one ticket are serialised; `save` stores state, one timeline step and one outbox event per
 * change, all in the unit of work's transaction.
 */
export abstract class TicketRepository {
  abstract lockById(id: string): Promise<Ticket | null>;
  /** `lockById` for several tickets in one read, locked in the order of their ids; answered in the order asked. */
  abstract lockByIds(ids: readonly string[]): Promise<(Ticket | null)[]>;
  abstract save(ticket: Ticket): Promise<void>;
}
