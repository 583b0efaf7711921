import { Injectable } from '@nestjs/common';
import { mutate, TransactionContext } from '@ticketing/database';
import { SendTarget } from '../../channels/domain/send-target';
import { SecretBox } from '../../secrets/domain/secret-box';
import { SmsSettings } from '../../subscriptions/domain/sms-settings';
import { sealContext } from '../../subscriptions/infrastructure/subscription.mapper';
import { Channel } from '../../subscriptions/domain/subscription-definition';
import { Delivery } from '../domain/delivery.aggregate';
import { DeliveryMapper, DeliveryRow } from './delivery.mapper';

/**
 * A delivery taken for one attempt, with where it goes; target null: its subscription is disabled
 * or deleted; `unreadable`: its stored secrets do not open (a key missing from the ring), an
 * attempt that fails with that reason rather than a loop that stops for everyone.
 */
export type ClaimedDelivery =
  | { delivery: Delivery; target: SendTarget | null; unreadable?: undefined }
  | { delivery: Delivery; target: null; unreadable: string };

interface ClaimedRow extends DeliveryRow {
  usable: boolean;
  s_channel: Channel;
  s_url: string | null;
  s_secret: string | null;
  s_msgtype: 'markdown' | 'text' | null;
  s_mention_mobiles: string[];
  s_mention_all: boolean;
  s_recipients: string[];
  s_sms_access_key_id: string | null;
  s_sms_sign_name: string | null;
  s_sms_templates: SmsSettings['templates'] | null;
}

/**
 * The deliveries table as the senders' queue. Due rows are claimed with FOR UPDATE SKIP LOCKED
 * (several instances share the work), round-robin across subscriptions, and leased by one
 * statement that counts the attempt and pushes next_attempt_at past the send timeout.
 */
@Injectable()
export class DeliveryQueue {
  constructor(
    private readonly tx: TransactionContext,
    private readonly box: SecretBox,
  ) {}

  /**
   * Claims at most `limit` due deliveries, at most `perSubscription` per subscription counting
   * the ones already in flight (`busy`: subscription id → deliveries in flight).
   */
  async claim(opts: {
    limit: number;
    perSubscription: number;
    busy: Map<string, number>;
    leaseMs: number;
  }): Promise<ClaimedDelivery[]> {
    const busy = [...opts.busy.entries()].filter(([, n]) => n > 0);
    const rows = await mutate<ClaimedRow>(
      this.tx.writer,
      `WITH busy AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS b(subscription_id, n)),
       ranked AS (
         SELECT d.id, row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.next_attempt_at, d.id) AS rn, COALESCE(b.n, 0) AS n
           FROM notify.deliveries d LEFT JOIN busy b ON b.subscription_id = d.subscription_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()),
       picked AS (
         SELECT d.id FROM notify.deliveries d JOIN ranked r ON r.id = d.id
          WHERE r.rn + r.n <= $3 AND d.status = 'pending' AND d.next_attempt_at <= now()
          ORDER BY r.rn, d.next_attempt_at LIMIT $4
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE notify.deliveries d
          SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $5)
         FROM picked, notify.subscriptions s
        WHERE d.id = picked.id AND s.id = d.subscription_id
       RETURNING d.*, (s.enabled AND s.deleted_at IS NULL) AS usable, s.channel AS s_channel, s.url AS s_url,
                 s.secret AS s_secret, s.msgtype AS s_msgtype, s.mention_mobiles AS s_mention_mobiles,
                 s.mention_all AS s_mention_all, s.recipients AS s_recipients,
                 s.sms_access_key_id AS s_sms_access_key_id, s.sms_sign_name AS s_sms_sign_name, s.sms_templates AS s_sms_templates`,
      [busy.map(([id]) => id), busy.map(([, n]) => n), opts.perSubscription, opts.limit, opts.leaseMs / 1000],
    );
    return rows.map((r): ClaimedDelivery => {
      const delivery = DeliveryMapper.toDomain(r);
      if (!r.usable) return { delivery, target: null };
      try {
        return { delivery, target: this.targetOf(r) };
      } catch (e) {
        return { delivery, target: null, unreadable: (e as Error).message };
      }
    });
  }

  private targetOf(r: ClaimedRow): SendTarget {
    return {
      channel: r.s_channel,
      url: this.box.openNullable(r.s_url, sealContext('url', r.subscription_id)),
      secret: this.box.openNullable(r.s_secret, sealContext('secret', r.subscription_id)),
      msgtype: r.s_msgtype,
      mentionMobiles: r.s_mention_mobiles,
      mentionAll: r.s_mention_all,
      recipients: r.s_recipients,
      sms:
        r.s_channel === 'sms'
          ? {
              accessKeyId: r.s_sms_access_key_id ?? '',
              signName: r.s_sms_sign_name ?? '',
              templates: r.s_sms_templates ?? {},
            }
          : null,
    };
  }

  /** Milliseconds until the next pending delivery outside these subscriptions is due (≤ 0: now); null when none is pending. */
  async msUntilNextDue(excludeSubscriptionIds: string[]): Promise<number | null> {
    const [row]: { wait_ms: number | null }[] = await this.tx.manager.query(
      `SELECT (EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000)::float AS wait_ms
         FROM notify.deliveries WHERE status = 'pending' AND NOT (subscription_id = ANY($1::uuid[]))`,
      [excludeSubscriptionIds],
    );
    return row?.wait_ms === null || row?.wait_ms === undefined ? null : Number(row.wait_ms);
  }
}
