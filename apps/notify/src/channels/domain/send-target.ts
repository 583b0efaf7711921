import type { SmsSettings } from '../../subscriptions/domain/sms-settings';
import type { Channel } from '../../subscriptions/domain/subscription-definition';

/** Where one message goes: the parts of a subscription a channel needs. */
export interface SendTarget {
  channel: Channel;
  url: string | null;
  secret: string | null;
  msgtype: 'markdown' | 'text' | null;
  mentionMobiles: string[];
  mentionAll: boolean;
  recipients: string[];
  sms: SmsSettings | null;
}
