import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { SecretBox } from '../../secrets/domain/secret-box';
import { Subscription } from '../domain/subscription.aggregate';
import { SubscriptionMapper, SubscriptionRow } from './subscription.mapper';

/** The admin's list of subscriptions. */
@Injectable()
export class SubscriptionReader {
  constructor(
    private readonly tx: TransactionContext,
    private readonly box: SecretBox,
  ) {}

  async list(): Promise<Subscription[]> {
    const rows: SubscriptionRow[] = await this.tx.manager.query(
      'SELECT * FROM notify.subscriptions WHERE deleted_at IS NULL ORDER BY created_at, id',
    );
    return rows.map((r) => SubscriptionMapper.toDomain(r, this.box));
  }
}
