import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { mutate, NOTIFY_SCHEMA, Queryable } from '../../shared/queryable';
import { Channel, SubscriptionDefinition } from '../domain/subscription';

export interface StoredSubscription extends SubscriptionDefinition {
  id: string;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
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
}

const toSubscription = (r: Row): StoredSubscription => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  events: r.events,
  departmentIds: r.department_ids,
  categories: r.categories,
  gridIds: r.grid_ids,
  urgencies: r.urgencies,
  url: r.url,
  secret: r.secret,
  msgtype: r.msgtype,
  mentionMobiles: r.mention_mobiles,
  mentionAll: r.mention_all,
  recipients: r.recipients,
  language: r.language,
  enabled: r.enabled,
  version: r.version,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const columns = (d: SubscriptionDefinition) => [
  d.name,
  d.channel,
  d.events,
  d.departmentIds,
  d.categories,
  d.gridIds,
  d.urgencies,
  d.url,
  d.secret,
  d.msgtype,
  d.mentionMobiles,
  d.mentionAll,
  d.recipients,
  d.language,
  d.enabled,
];

/** Subscriptions; deleted ones stay (soft delete) so their deliveries keep their history. */
@Injectable()
export class SubscriptionRepository {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource) {}

  async create(d: SubscriptionDefinition, createdBy: string): Promise<StoredSubscription> {
    const [row]: Row[] = await this.ds.query(
      `INSERT INTO notify.subscriptions (id, name, channel, events, department_ids, categories, grid_ids, urgencies, url, secret, msgtype,
         mention_mobiles, mention_all, recipients, language, enabled, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING *`,
      [newId(), ...columns(d), createdBy],
    );
    return toSubscription(row);
  }

  /** Replaces the definition when the version still is `expectedVersion` (if given); null when it is not found. */
  async replace(
    id: string,
    d: SubscriptionDefinition,
    expectedVersion: number | undefined,
  ): Promise<StoredSubscription | 'stale' | null> {
    const rows = await mutate<Row>(
      this.ds,
      `UPDATE notify.subscriptions SET name = $2, channel = $3, events = $4, department_ids = $5, categories = $6, grid_ids = $7,
         urgencies = $8, url = $9, secret = $10, msgtype = $11, mention_mobiles = $12, mention_all = $13, recipients = $14,
         language = $15, enabled = $16, version = version + 1, updated_at = now()
       WHERE id = $1 AND deleted_at IS NULL AND ($17::int IS NULL OR version = $17) RETURNING *`,
      [id, ...columns(d), expectedVersion ?? null],
    );
    if (rows.length) return toSubscription(rows[0]);
    return (await this.get(id)) ? 'stale' : null;
  }

  async get(id: string, q: Queryable = this.ds): Promise<StoredSubscription | null> {
    const [row]: Row[] = await q.query(
      'SELECT * FROM notify.subscriptions WHERE id = $1 AND deleted_at IS NULL',
      [id],
    );
    return row ? toSubscription(row) : null;
  }

  async list(): Promise<StoredSubscription[]> {
    const rows: Row[] = await this.ds.query(
      'SELECT * FROM notify.subscriptions WHERE deleted_at IS NULL ORDER BY created_at, id',
    );
    return rows.map(toSubscription);
  }

  /** Enabled subscriptions to one event type. */
  async forEvent(q: Queryable, type: string): Promise<StoredSubscription[]> {
    const rows: Row[] = await q.query(
      'SELECT * FROM notify.subscriptions WHERE enabled AND deleted_at IS NULL AND events @> ARRAY[$1]::text[] ORDER BY id',
      [type],
    );
    return rows.map(toSubscription);
  }

  /** Soft-deletes and cancels what was still waiting to be sent; false when there was nothing to delete. */
  async delete(id: string): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const rows = await mutate(
        m,
        'UPDATE notify.subscriptions SET deleted_at = now(), enabled = false, updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
        [id],
      );
      if (!rows.length) return false;
      await m.query(
        "UPDATE notify.deliveries SET status = 'cancelled', last_error = 'subscription deleted' WHERE subscription_id = $1 AND status = 'pending'",
        [id],
      );
      return true;
    });
  }
}
