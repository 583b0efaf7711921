import { SecretBox } from '../../secrets/domain/secret-box';
import { SmsSettings } from '../domain/sms-settings';
import { Channel } from '../domain/subscription-definition';
import { Subscription, SubscriptionState } from '../domain/subscription.aggregate';

/** A row of notify.subscriptions; `url` and `secret` are sealed (SecretBox). */
export interface SubscriptionRow {
  id: string;
  name: string;
  channel: Channel;
  events: string[];
  department_ids: string[];
  categories: string[];
  grid_ids: string[];
  urgencies: string[];
  url: string | null;
  secret: string | null;
  msgtype: 'markdown' | 'text' | null;
  mention_mobiles: string[];
  mention_all: boolean;
  recipients: string[];
  language: 'zh' | 'en';
  enabled: boolean;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  sms_access_key_id: string | null;
  sms_sign_name: string | null;
  sms_templates: SmsSettings['templates'] | null;
}

/**
 * What a sealed column is bound to: a sealed value opens only in its own row and column. The
 * robot URLs are sealed too: a WeCom robot's key and a DingTalk robot's access token are in them.
 */
export const sealContext = (column: 'url' | 'secret', id: string): string =>
  `notify.subscriptions.${column}:${id}`;

export const SubscriptionMapper = {
  toDomain(r: SubscriptionRow, box: SecretBox): Subscription {
    return Subscription.restore({
      id: r.id,
      name: r.name,
      channel: r.channel,
      events: r.events,
      departmentIds: r.department_ids,
      categories: r.categories,
      gridIds: r.grid_ids,
      urgencies: r.urgencies,
      url: box.openNullable(r.url, sealContext('url', r.id)),
      secret: box.openNullable(r.secret, sealContext('secret', r.id)),
      msgtype: r.msgtype,
      mentionMobiles: r.mention_mobiles,
      mentionAll: r.mention_all,
      recipients: r.recipients,
      sms:
        r.channel === 'sms'
          ? {
              accessKeyId: r.sms_access_key_id ?? '',
              signName: r.sms_sign_name ?? '',
              templates: r.sms_templates ?? {},
            }
          : null,
      language: r.language,
      enabled: r.enabled,
      version: r.version,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    });
  },

  /** The values of every column, in the order of SUBSCRIPTION_COLUMNS, the secrets sealed. */
  toColumns(s: SubscriptionState, box: SecretBox): unknown[] {
    return [
      s.id,
      s.name,
      s.channel,
      s.events,
      s.departmentIds,
      s.categories,
      s.gridIds,
      s.urgencies,
      box.sealNullable(s.url, sealContext('url', s.id)),
      box.sealNullable(s.secret, sealContext('secret', s.id)),
      s.msgtype,
      s.mentionMobiles,
      s.mentionAll,
      s.recipients,
      s.language,
      s.enabled,
      s.version,
      s.createdBy,
      s.createdAt,
      s.updatedAt,
      s.deletedAt,
      s.sms?.accessKeyId ?? null,
      s.sms?.signName ?? null,
      s.sms ? JSON.stringify(s.sms.templates) : null,
    ];
  },
};

export const SUBSCRIPTION_COLUMNS = [
  'id',
  'name',
  'channel',
  'events',
  'department_ids',
  'categories',
  'grid_ids',
  'urgencies',
  'url',
  'secret',
  'msgtype',
  'mention_mobiles',
  'mention_all',
  'recipients',
  'language',
  'enabled',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'deleted_at',
  'sms_access_key_id',
  'sms_sign_name',
  'sms_templates',
] as const;
