import { DispatchMessaging1763769600000 } from './1763769600000-dispatch-messaging';

/** Every migration of the dispatch schema, in order. Committed; never generated at run time. */
export const dispatchMigrations = [DispatchMessaging1763769600000];
