import { SlaMessaging1763769600000 } from './1763769600000-sla-messaging';
import { SlaSchema1763769700000 } from './1763769700000-sla-schema';
import { SlaTriageTimer1764000000000 } from './1764000000000-sla-triage-timer';
import { SlaClocks1765000000000 } from './1765000000000-sla-clocks';
import { SlaSessions1765310000000 } from './1765310000000-sla-sessions';
import { SlaSettingsFeed1765400000000 } from './1765400000000-sla-settings-feed';

/** Every migration of the sla schema, in order. Committed; never generated at run time. */
export const slaMigrations = [
  SlaMessaging1763769600000,
  SlaSchema1763769700000,
  SlaTriageTimer1764000000000,
  SlaClocks1765000000000,
  SlaSessions1765310000000,
  SlaSettingsFeed1765400000000,
];
