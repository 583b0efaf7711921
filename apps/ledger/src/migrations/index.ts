import { LedgerMessaging1763769600000 } from './1763769600000-ledger-messaging';
import { LedgerSchema1763942400000 } from './1763942400000-ledger-schema';
import { LedgerOpenTickets1763946000000 } from './1763946000000-ledger-open-tickets';
import { LedgerWorkRecords1765100000000 } from './1765100000000-ledger-work-records';
import { LedgerSessions1765310000000 } from './1765310000000-ledger-sessions';

/** Every migration of the ledger schema, in order. Committed; never generated at run time. */
export const ledgerMigrations = [
  LedgerMessaging1763769600000,
  LedgerSchema1763942400000,
  LedgerOpenTickets1763946000000,
  LedgerWorkRecords1765100000000,
  LedgerSessions1765310000000,
];
