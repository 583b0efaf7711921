import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { LedgerProjection } from '../domain/ledger-projection.aggregate';
import { LedgerProjectionRepository } from '../domain/ledger-projection.repository';
import { DirectoryStore } from './directory.store';
import { FactStore } from './fact.store';
import { RollupStore } from './rollup.store';
import { WorkStore } from './work.store';

/** Facts saved per statement: a rebuild writes every ticket's. */
const WRITE_BATCH = 2000;

/**
 * The read models in PostgreSQL. A delivered chunk costs one load of its tickets' facts, one save
 * of those that changed, and one recompute of the rollup rows they touch, whatever its size.
 */
@Injectable()
export class TypeormLedgerProjectionRepository extends LedgerProjectionRepository {
  private readonly facts = new FactStore();
  private readonly rollup = new RollupStore();
  private readonly directory = new DirectoryStore();
  private readonly work = new WorkStore();

  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async load(ticketIds: readonly string[]): Promise<LedgerProjection> {
    return LedgerProjection.of(await this.facts.loadMany(this.tx.writer, [...ticketIds]));
  }

  async clear(): Promise<LedgerProjection> {
    await this.tx.writer.query(
      `TRUNCATE ledger.stats_monthly, ledger.open_tickets, ledger.ticket_assignments, ledger.ticket_facts, ledger.departments,
         ledger.enterprises, ledger.grids, ledger.users, ledger.task_lists, ledger.visits, ledger.visit_tickets, ledger.work_log,
         ledger.meetings, ledger.decisions, ledger.bulletins`,
    );
    return LedgerProjection.fromScratch();
  }

  async save(projection: LedgerProjection): Promise<void> {
    const m = this.tx.writer;
    await this.directory.save(m, projection.directoryChanges);
    await this.work.save(m, projection.workChanges);
    const changed = projection.changedFacts;
    if (!changed.length && !projection.fromScratch) return;
    for (let i = 0; i < changed.length; i += WRITE_BATCH)
      await this.facts.save(m, changed.slice(i, i + WRITE_BATCH));
    if (projection.fromScratch) await this.rollup.recomputeAll(m);
    else await this.rollup.recompute(m, projection.rollupKeys);
  }

  async rollupRowCount(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM ledger.stats_monthly`,
    );
    return n;
  }
}
