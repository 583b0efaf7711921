import { LedgerMessaging1763769600000 } from './1763769600000-ledger-messaging';

/** Every migration of the ledger schema, in order. Committed; never generated at run time. */
export const ledgerMigrations = [LedgerMessaging1763769600000];
