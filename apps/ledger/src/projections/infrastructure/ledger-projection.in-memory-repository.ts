import { DirectoryRecord } from '../domain/directory-record';
import { LedgerProjection } from '../domain/ledger-projection.aggregate';
import { LedgerProjectionRepository } from '../domain/ledger-projection.repository';
import { RollupKey } from '../domain/rollup-key';
import { TicketFact } from '../domain/ticket-fact';
import { WORK_KEYS, WorkRecord } from '../domain/work-record';

/**
 * The read models in memory, for handler specs. The rollup's counting is SQL (figures/domain/counters)
 * and is tested on PostgreSQL; here it records which rows were asked to be recomputed.
 */
export class InMemoryLedgerProjectionRepository extends LedgerProjectionRepository {
  readonly facts = new Map<string, TicketFact>();
  readonly directory = new Map<string, DirectoryRecord>();
  /** Work rows by table and key, as the upserts would leave them. */
  readonly work = new Map<string, Record<string, unknown>>();
  /** Rollup rows recomputed, per save; 'all' after a rebuild. */
  readonly recomputed: (RollupKey[] | 'all')[] = [];
  loads = 0;
  saves = 0;
  clears = 0;

  async load(ticketIds: readonly string[]): Promise<LedgerProjection> {
    this.loads++;
    const found = new Map<string, TicketFact>();
    for (const id of ticketIds) {
      const f = this.facts.get(id);
      if (f) found.set(id, structuredClone(f));
    }
    return LedgerProjection.of(found);
  }

  async clear(): Promise<LedgerProjection> {
    this.clears++;
    this.facts.clear();
    this.directory.clear();
    this.work.clear();
    this.recomputed.length = 0;
    return LedgerProjection.fromScratch();
  }

  async save(projection: LedgerProjection): Promise<void> {
    this.saves++;
    for (const r of projection.directoryChanges) this.directory.set(`${r.table}:${r.id}`, r);
    for (const r of projection.workChanges) this.upsert(r);
    const changed = projection.changedFacts;
    if (!changed.length && !projection.fromScratch) return;
    for (const f of changed) this.facts.set(f.ticketId, structuredClone(f));
    this.recomputed.push(projection.fromScratch ? 'all' : projection.rollupKeys);
  }

  private upsert(r: WorkRecord): void {
    const id = `${r.table}:${WORK_KEYS[r.table].map((k) => String(r.key[k])).join(':')}`;
    const row = this.work.get(id);
    if (row && r.onlyIfNewer && Number(row.revision) > Number(r.set.revision)) return;
    this.work.set(id, { ...row, ...r.key, ...structuredClone(r.set) });
  }

  async rollupRowCount(): Promise<number> {
    const rows = new Set<string>();
    for (const f of this.facts.values())
      for (const s of [f.departmentId, ...f.stints.map((x) => x.departmentId)])
        rows.add(`${s}|${f.category}|${f.gridId}|${f.month}`);
    return rows.size;
  }
}
