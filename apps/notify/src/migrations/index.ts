import { NotifyMessaging1763769600000 } from './1763769600000-notify-messaging';
import { NotifySchema1763769700000 } from './1763769700000-notify-schema';

/** Every migration of the notify schema, in order. Committed; never generated at run time. */
export const notifyMigrations = [NotifyMessaging1763769600000, NotifySchema1763769700000];
