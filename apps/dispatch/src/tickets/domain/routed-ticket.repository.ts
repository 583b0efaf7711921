import { RoutedTicket } from './routed-ticket.aggregate';

/**
 * Where the desk's records of tickets live. `lockById` holds the ticket for the rest of the unit
 * of work (an unknown ticket comes back `unknown`, never null; `lockByIds` holds several); `save` writes its row, its history,
 * its counted facts and its events to the outbox, all in the unit of work's transaction.
 */
export abstract class RoutedTicketRepository {
  abstract lockById(ticketId: string): Promise<RoutedTicket>;
  /** `lockById` for several tickets in one read, locked in the order of their ids; answered in the order asked. */
  abstract lockByIds(ticketIds: readonly string[]): Promise<RoutedTicket[]>;
  abstract save(...tickets: RoutedTicket[]): Promise<void>;
}
