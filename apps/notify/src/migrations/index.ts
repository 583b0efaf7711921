import { SecretBox } from '../secrets/domain/secret-box';
import { NotifyMessaging1763769600000 } from './1763769600000-notify-messaging';
import { NotifySchema1763769700000 } from './1763769700000-notify-schema';
import { NotifyChannels1764806400000 } from './1764806400000-notify-channels';
import { sealSecretsMigration } from './1764806500000-notify-seal-secrets';
import { NotifySessions1765310000000 } from './1765310000000-notify-sessions';
import { NotifySettingsFeed1765400000000 } from './1765400000000-notify-settings-feed';

/**
 * Every migration of the notify schema, in order. Committed; never generated at run time. The
 * one that seals stored secrets needs the process's key ring, so the list is built with it.
 */
export const notifyMigrations = (box: SecretBox) => [
  NotifyMessaging1763769600000,
  NotifySchema1763769700000,
  NotifyChannels1764806400000,
  sealSecretsMigration(box),
  NotifySessions1765310000000,
  NotifySettingsFeed1765400000000,
];
