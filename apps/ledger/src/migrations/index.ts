import { LedgerMessaging1763769600000 } from './1763769600000-ledger-messaging';
import { LedgerSchema1763942400000 } from './1763942400000-ledger-schema';
import { LedgerOpenTickets1763946000000 } from './1763946000000-ledger-open-tickets';

/** Every migration of the ledger schema, in order. Committed; never generated at run time. */
export const ledgerMigrations = [LedgerMessaging1763769600000, LedgerSchema1763942400000, LedgerOpenTickets1763946000000];
