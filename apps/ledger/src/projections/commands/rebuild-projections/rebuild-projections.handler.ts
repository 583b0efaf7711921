import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readChain } from '../../../chain/infrastructure/chain.reader';
import { TicketFact } from '../../domain/ticket-fact';
import { DirectoryStore } from '../../infrastructure/directory.store';
import { FactStore } from '../../infrastructure/fact.store';
import { foldEntries } from '../../infrastructure/projector';
import { RollupStore } from '../../infrastructure/rollup.store';

export interface RebuildReport {
  entries: number;
  tickets: number;
  statsRows: number;
  tookMs: number;
}

const WRITE_BATCH = 2000;

/**
 * Throws every read model away and replays the ledger into it, in seq order, with the same
 * reducer the live consumer uses. Appends wait meanwhile (the chain head is locked), so the
 * rebuilt projections correspond to exactly the entries that exist.
 */
export async function rebuildProjections(ds: DataSource): Promise<RebuildReport> {
  const t0 = performance.now();
  const facts = new FactStore();
  const directory = new DirectoryStore();
  return ds.transaction(async (m) => {
    await m.query(`SELECT 1 FROM ledger.chain_head WHERE id = 1 FOR UPDATE`);
    await m.query(`TRUNCATE ledger.stats_monthly, ledger.open_tickets, ledger.ticket_assignments, ledger.ticket_facts, ledger.departments, ledger.enterprises, ledger.grids`);
    // The same fold as the live path, over the whole chain instead of one delivered chunk.
    const folded = new Map<string, TicketFact>();
    const changed = new Set<string>();
    let entries = 0;
    for await (const batch of readChain(m)) {
      entries += batch.length;
      await foldEntries(m, directory, folded, batch.map((e) => ({ ...e, payload: (e.payload ?? {}) as Record<string, unknown> })), changed);
    }
    const all = [...folded.values()];
    for (let i = 0; i < all.length; i += WRITE_BATCH) await facts.save(m, all.slice(i, i + WRITE_BATCH));
    await new RollupStore().recomputeAll(m);
    const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM ledger.stats_monthly`);
    return { entries, tickets: all.length, statsRows: n, tookMs: Math.round(performance.now() - t0) };
  });
}

@Injectable()
export class RebuildProjectionsHandler {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  rebuild(): Promise<RebuildReport> {
    return rebuildProjections(this.ds);
  }
}
