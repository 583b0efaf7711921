import { Injectable } from '@nestjs/common';
import { BulletinPublishedPayload } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';

export interface BulletinSummary {
  bulletinId: string;
  periodKind: string;
  period: string;
  title: string;
  summary: string;
  publishedAt: string;
  publishedBy: { id: string; name: string };
  departments: number;
  overdueTotal: number;
}

/** Published bulletins, as the chain's projection keeps them. */
@Injectable()
export class BulletinsReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(limit: number, before?: string): Promise<BulletinSummary[]> {
    const rows: { content: BulletinPublishedPayload }[] = await this.tx.manager.query(
      `SELECT content FROM ledger.bulletins WHERE ($1::timestamptz IS NULL OR published_at < $1)
       ORDER BY published_at DESC, bulletin_id DESC LIMIT $2`,
      [before ?? null, limit],
    );
    return rows.map(({ content: c }) => ({
      bulletinId: c.bulletinId,
      periodKind: c.periodKind,
      period: c.period,
      title: c.title,
      summary: c.summary,
      publishedAt: c.publishedAt,
      publishedBy: c.publishedBy,
      departments: c.ranking.length,
      overdueTotal: c.overdueTotal,
    }));
  }

  async one(bulletinId: string): Promise<BulletinPublishedPayload | null> {
    const [row]: { content: BulletinPublishedPayload }[] = await this.tx.manager.query(
      `SELECT content FROM ledger.bulletins WHERE bulletin_id = $1`,
      [bulletinId],
    );
    return row?.content ?? null;
  }
}
