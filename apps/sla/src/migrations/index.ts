import { SlaMessaging1763769600000 } from './1763769600000-sla-messaging';

/** Every migration of the sla schema, in order. Committed; never generated at run time. */
export const slaMigrations = [SlaMessaging1763769600000];
