import { TicketMessaging1763769600000 } from './1763769600000-ticket-messaging';
import { TicketSchema1763856000000 } from './1763856000000-ticket-schema';
import { TicketStepsAppendOnly1763942400000 } from './1763942400000-ticket-steps-append-only';
import { TicketTriageDeadline1764000000000 } from './1764000000000-ticket-triage-deadline';
import { TicketGaplessNumbers1764800000000 } from './1764800000000-ticket-gapless-numbers';
import { TicketChannel1765000000000 } from './1765000000000-ticket-channel';
import { TicketServiceDesk1765200000000 } from './1765200000000-ticket-service-desk';
import { TicketSessions1765310000000 } from './1765310000000-ticket-sessions';
import { TicketSearch1765600000000 } from './1765600000000-ticket-search';
import { TicketReplyTemplateHistory1765700000000 } from './1765700000000-ticket-reply-template-history';
import { TicketSearchClocks1765810000000 } from './1765810000000-ticket-search-clocks';
import { TicketNumberPool1765900000000 } from './1765900000000-ticket-number-pool';
import { TicketSettingsFeed1766000000000 } from './1766000000000-ticket-settings-feed';
import { TicketSearchDirectoryFeed1766100000000 } from './1766100000000-ticket-search-directory-feed';

/** Every migration of the ticket schema, in order. Committed; never generated at run time. */
export const ticketMigrations = [
  TicketMessaging1763769600000,
  TicketSchema1763856000000,
  TicketStepsAppendOnly1763942400000,
  TicketTriageDeadline1764000000000,
  TicketGaplessNumbers1764800000000,
  TicketChannel1765000000000,
  TicketServiceDesk1765200000000,
  TicketSessions1765310000000,
  TicketSearch1765600000000,
  TicketReplyTemplateHistory1765700000000,
  TicketSearchClocks1765810000000,
  TicketNumberPool1765900000000,
  TicketSettingsFeed1766000000000,
  TicketSearchDirectoryFeed1766100000000,
];
