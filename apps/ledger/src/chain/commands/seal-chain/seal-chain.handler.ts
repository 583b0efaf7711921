import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { LEDGER_WRITER_ROLE } from '../../../migrations/1763942400000-ledger-schema';
import { GENESIS_HASH, sealHash } from '../../domain/ledger-entry';

export interface Seal {
  sealNo: number;
  reason: 'daily' | 'on_demand';
  sealedOn: string;
  sealedAt: string;
  lastSeq: number;
  lastHash: string;
  entryCount: number;
  prevSealHash: string;
  sealHash: string;
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * A seal records the chain head (last seq, its hash, how many entries) at a moment, itself chained
 * to the seal before. Someone who rewrites the chain consistently after an edit (recomputing every
 * later hash) still cannot make the entries agree with a seal written before.
 */
export async function sealChain(manager: EntityManager, reason: Seal['reason'], now = new Date()): Promise<Seal | null> {
  const [head]: { seq: string; hash: string }[] = await manager.query(`SELECT seq, hash FROM ledger.chain_head WHERE id = 1 FOR UPDATE`);
  const sealedOn = SHANGHAI_DATE.format(now);
  if (reason === 'daily') {
    const today: unknown[] = await manager.query(`SELECT 1 FROM ledger.seals WHERE reason = 'daily' AND sealed_on = $1`, [sealedOn]);
    if (today.length) return null;
  }
  const [last]: { seal_no: string; seal_hash: string }[] = await manager.query(`SELECT seal_no, seal_hash FROM ledger.seals ORDER BY seal_no DESC LIMIT 1`);
  const [{ n }]: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM ledger.entries WHERE seq <= $1`, [head.seq]);
  const body = {
    sealNo: last ? Number(last.seal_no) + 1 : 1,
    lastSeq: Number(head.seq),
    lastHash: head.hash,
    entryCount: Number(n),
    sealedAt: now.toISOString(),
    prevSealHash: last?.seal_hash ?? GENESIS_HASH,
  };
  const seal: Seal = { ...body, reason, sealedOn, sealHash: sealHash(body) };
  await manager.query(`SET LOCAL ROLE ${LEDGER_WRITER_ROLE}`);
  await manager.query(
    `INSERT INTO ledger.seals (seal_no, reason, sealed_on, sealed_at, last_seq, last_hash, entry_count, prev_seal_hash, seal_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [seal.sealNo, seal.reason, seal.sealedOn, seal.sealedAt, seal.lastSeq, seal.lastHash, seal.entryCount, seal.prevSealHash, seal.sealHash],
  );
  await manager.query(`SET LOCAL ROLE NONE`);
  return seal;
}

const DAILY_CHECK_MS = 10 * 60 * 1000;

/** Seals on demand, and once a day: a check every ten minutes; the database keeps it to one a day. */
@Injectable()
export class SealChainHandler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  seal(reason: Seal['reason']): Promise<Seal | null> {
    return this.ds.transaction((m) => sealChain(m, reason));
  }

  async list(): Promise<Seal[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(`SELECT s.*, s.sealed_on::text AS sealed_on FROM ledger.seals s ORDER BY seal_no DESC LIMIT 100`);
    return rows.map((r) => ({
      sealNo: Number(r.seal_no),
      reason: r.reason as Seal['reason'],
      sealedOn: String(r.sealed_on),
      sealedAt: (r.sealed_at as Date).toISOString(),
      lastSeq: Number(r.last_seq),
      lastHash: String(r.last_hash),
      entryCount: Number(r.entry_count),
      prevSealHash: String(r.prev_seal_hash),
      sealHash: String(r.seal_hash),
    }));
  }

  onApplicationBootstrap(): void {
    if (!this.settings.dailySeal) return;
    const tick = () =>
      this.seal('daily').then(
        (s) => s && this.logger.info({ sealNo: s.sealNo, lastSeq: s.lastSeq }, 'ledger sealed for the day'),
        (e: unknown) => this.logger.warn({ error: (e as Error).message }, 'daily ledger seal failed; retrying at the next check'),
      );
    void tick();
    this.timer = setInterval(tick, DAILY_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
