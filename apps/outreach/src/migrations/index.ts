import { OutreachMessaging1765100000000 } from './1765100000000-outreach-messaging';
import { OutreachSchema1765100000001 } from './1765100000001-outreach-schema';
import { OutreachSessions1765310000000 } from './1765310000000-outreach-sessions';

/** Every migration of the outreach schema, in order. Committed; never generated at run time. */
export const outreachMigrations = [
  OutreachMessaging1765100000000,
  OutreachSchema1765100000001,
  OutreachSessions1765310000000,
];
