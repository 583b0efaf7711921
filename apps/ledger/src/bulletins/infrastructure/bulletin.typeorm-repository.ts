import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { LedgerChainRepository } from '../../chain/domain/ledger-chain.repository';
import { projected } from '../../projections/domain/ledger-projection.aggregate';
import { LedgerProjectionRepository } from '../../projections/domain/ledger-projection.repository';
import { Period } from '../../shared/period';
import { Bulletin } from '../domain/bulletin.aggregate';
import { BulletinRepository } from '../domain/bulletin.repository';

/**
 * A bulletin's event is chained here, in the publishing transaction, by the chain's one writer and
 * folded by the same projection as every entry (so a rebuild lists it again), and written to the
 * outbox for notify. The ledger does not consume its own topic: the chain already holds the event.
 */
@Injectable()
export class TypeormBulletinRepository extends BulletinRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly chains: LedgerChainRepository,
    private readonly projections: LedgerProjectionRepository,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async lockPeriod(period: Period): Promise<string | null> {
    await this.chains.lockHead();
    const [row]: { bulletin_id: string }[] = await this.tx.writer.query(
      `SELECT bulletin_id FROM ledger.bulletins WHERE period_kind = $1 AND period = $2`,
      [period.kind, period.label],
    );
    return row?.bulletin_id ?? null;
  }

  async save(bulletin: Bulletin): Promise<void> {
    const events = bulletin.events.map((e) =>
      newEvent({
        type: e.type,
        aggregateId: bulletin.id,
        aggregateVersion: 1,
        actor: bulletin.actor,
        payload: e.payload,
        occurredAt: new Date(e.payload.publishedAt),
      }),
    );
    const chain = await this.chains.lockForAppend(events.map((e) => e.id));
    const entries = chain.append(events, new Date());
    await this.chains.save(chain);
    const projection = await this.projections.load([]);
    projection.apply(entries.map(projected));
    await this.projections.save(projection);
    await this.outbox.append(this.tx.writer, Topics.Ledger, events);
  }
}
