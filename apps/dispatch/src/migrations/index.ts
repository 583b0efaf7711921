import { DispatchMessaging1763769600000 } from './1763769600000-dispatch-messaging';
import { DispatchTables1763856000000 } from './1763856000000-dispatch-tables';
import { DispatchSeed1763856000001 } from './1763856000001-dispatch-seed';
import { DispatchSessions1765310000000 } from './1765310000000-dispatch-sessions';
import { DispatchSettingsFeed1765400000000 } from './1765400000000-dispatch-settings-feed';

/** Every migration of the dispatch schema, in order. Committed; never generated at run time. */
export const dispatchMigrations = [
  DispatchMessaging1763769600000,
  DispatchTables1763856000000,
  DispatchSeed1763856000001,
  DispatchSessions1765310000000,
  DispatchSettingsFeed1765400000000,
];
