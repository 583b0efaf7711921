import { TicketMessaging1763769600000 } from './1763769600000-ticket-messaging';
import { TicketSchema1763856000000 } from './1763856000000-ticket-schema';
import { TicketStepsAppendOnly1763942400000 } from './1763942400000-ticket-steps-append-only';
import { TicketTriageDeadline1764000000000 } from './1764000000000-ticket-triage-deadline';

/** Every migration of the ticket schema, in order. Committed; never generated at run time. */
export const ticketMigrations = [
  TicketMessaging1763769600000,
  TicketSchema1763856000000,
  TicketStepsAppendOnly1763942400000,
  TicketTriageDeadline1764000000000,
];
