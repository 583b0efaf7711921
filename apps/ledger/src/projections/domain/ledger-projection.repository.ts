import { LedgerProjection } from './ledger-projection.aggregate';

/**
 * The read models folded from the chain: ticket facts and their stints, open tickets, the monthly
 * rollup, directory copies. Runs in the unit of work open around it (the append's, or a rebuild's).
 */
export abstract class LedgerProjectionRepository {
  /** The projections of these tickets (those the ledger has a fact of). */
  abstract load(ticketIds: readonly string[]): Promise<LedgerProjection>;

  /** Throws every read model away, for a rebuild from the chain. */
  abstract clear(): Promise<LedgerProjection>;

  /** Writes the directory copies, the changed facts, and the rollup rows they touch (all of them after a clear). */
  abstract save(projection: LedgerProjection): Promise<void>;

  /** Rows of the monthly rollup. */
  abstract rollupRowCount(): Promise<number>;
}
