import { Injectable } from '@nestjs/common';
import { SecretBox } from '../../secrets/domain/secret-box';
import { mutate, SettingsCache, TransactionContext } from '@ticketing/database';
import { Subscription } from '../domain/subscription.aggregate';
import { SubscriptionRepository } from '../domain/subscription.repository';
import { SUBSCRIPTION_COLUMNS, SubscriptionMapper, SubscriptionRow } from './subscription.mapper';

const placeholders = SUBSCRIPTION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
// Every column but the id ($1), which the WHERE names; the stored version is the last parameter.
const assignments = SUBSCRIPTION_COLUMNS.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ');

@Injectable()
export class TypeormSubscriptionRepository extends SubscriptionRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly box: SecretBox,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async get(id: string): Promise<Subscription | null> {
    const [row]: SubscriptionRow[] = await this.tx.manager.query(
      'SELECT * FROM notify.subscriptions WHERE id = $1 AND deleted_at IS NULL',
      [id],
    );
    return row ? SubscriptionMapper.toDomain(row, this.box) : null;
  }

  async lock(id: string): Promise<Subscription | null> {
    const [row]: SubscriptionRow[] = await this.tx.writer.query(
      'SELECT * FROM notify.subscriptions WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    return row ? SubscriptionMapper.toDomain(row, this.box) : null;
  }

  /** Read on every event: from the settings cache (rows; a fresh aggregate per read) while no subscription changes. */
  async forEvent(type: string): Promise<Subscription[]> {
    const m = this.tx.manager;
    const rows = await this.cache.read(
      m,
      ['subscriptions'],
      `forEvent:${type}`,
      (): Promise<SubscriptionRow[]> =>
        m.query(
          'SELECT * FROM notify.subscriptions WHERE enabled AND deleted_at IS NULL AND events @> ARRAY[$1]::text[] ORDER BY id',
          [type],
        ),
    );
    // A copy per read: the aggregate may change what it was restored from.
    return rows.map((r) => SubscriptionMapper.toDomain(structuredClone(r), this.box));
  }

  async save(subscription: Subscription): Promise<void> {
    const { storedVersion, changes } = subscription.pullChanges();
    if (!changes.length) return;
    const columns = SubscriptionMapper.toColumns(subscription.snapshot(), this.box);
    const m = this.tx.writer;
    this.cache.touch(m, 'subscriptions');
    if (storedVersion === 0) {
      await m.query(
        `INSERT INTO notify.subscriptions (${SUBSCRIPTION_COLUMNS.join(', ')}) VALUES (${placeholders})`,
        columns,
      );
      return;
    }
    const rows = await mutate(
      m,
      `UPDATE notify.subscriptions SET ${assignments} WHERE id = $1 AND version = $${columns.length + 1} RETURNING id`,
      [...columns, storedVersion],
    );
    // The row is locked by lock(); a miss here means a caller skipped the lock.
    if (rows.length !== 1)
      throw new Error(`subscription ${subscription.id} was not at version ${storedVersion} when saving`);
  }
}
