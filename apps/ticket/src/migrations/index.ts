import { TicketMessaging1763769600000 } from './1763769600000-ticket-messaging';

/** Every migration of the ticket schema, in order. Committed; never generated at run time. */
export const ticketMigrations = [TicketMessaging1763769600000];
