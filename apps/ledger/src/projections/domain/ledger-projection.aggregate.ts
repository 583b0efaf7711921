import { DomainError, Topics } from '@ticketing/contracts';
import { DirectoryRecord, directoryRecordOf } from './directory-record';
import { applyToFact, ticketOf } from './fact-reducer';
import { keysOf, RollupKey } from './rollup-key';
import { ProjectedEntry, TicketFact } from './ticket-fact';
import { mergeWork, WorkRecord, workRecordsOf } from './work-record';

/** A chain entry as the projections read it: its payload as a plain record. */
export function projected(entry: Omit<ProjectedEntry, 'payload'> & { payload: unknown }): ProjectedEntry {
  const p = entry.payload;
  return {
    seq: entry.seq,
    type: entry.type,
    topic: entry.topic,
    occurredAt: entry.occurredAt,
    ticketId: entry.ticketId,
    payload: typeof p === 'object' && p !== null && !Array.isArray(p) ? { ...p } : {},
  };
}

/**
 * The read models (ticket facts, their rollup, directory copies) as entries change them. Entries are
 * folded in seq order with the reducer, the same fold for the live path (one delivered chunk, over
 * the facts of its tickets) and for a rebuild (the whole chain, from nothing), so the two cannot
 * disagree. What changed is kept until the repository saves it.
 */
export class LedgerProjection {
  private readonly facts: Map<string, TicketFact>;
  private readonly changed = new Set<string>();
  private readonly directory = new Map<string, DirectoryRecord>();
  private readonly work: WorkRecord[] = [];

  private constructor(
    private readonly before: ReadonlyMap<string, TicketFact>,
    /** Every read model is being rebuilt: the whole rollup is recomputed, not some of its rows. */
    readonly fromScratch: boolean,
  ) {
    this.facts = new Map(before);
  }

  /** The projections of some tickets, as loaded: facts of the tickets that have one. */
  static of(loaded: ReadonlyMap<string, TicketFact>): LedgerProjection {
    return new LedgerProjection(loaded, false);
  }

  static fromScratch(): LedgerProjection {
    return new LedgerProjection(new Map(), true);
  }

  /** The tickets whose facts folding these entries needs (a ticket's or its clocks' entries). */
  static ticketsOf(entries: readonly ProjectedEntry[]): string[] {
    return [...new Set(entries.map(ticketOf).filter((id): id is string => id !== null))];
  }

  apply(entries: readonly ProjectedEntry[]): void {
    for (const entry of entries) {
      if (entry.topic === Topics.Directory) {
        const record = directoryRecordOf(entry.type, entry.payload);
        // An upsert replaces the whole copy: the last one of an entity is the one that counts.
        if (record) this.directory.set(`${record.table}:${record.id}`, record);
        continue;
      }
      this.work.push(...workRecordsOf(entry));
      const ticketId = ticketOf(entry);
      if (!ticketId) continue;
      const current = this.facts.get(ticketId);
      // Counts (reopens, transfers, extensions) would be taken twice: the chain's order is the only one.
      if (current && entry.seq <= current.lastSeq)
        throw new DomainError(
          'conflict',
          `entry ${entry.seq} of ticket ${ticketId} is not after entry ${current.lastSeq}, the last one folded into its facts: entries are folded once each, in seq order`,
          { seq: entry.seq, ticketId, lastSeq: current.lastSeq },
        );
      const next = applyToFact(current, entry);
      if (!next) continue;
      this.facts.set(ticketId, next);
      this.changed.add(ticketId);
    }
  }

  fact(ticketId: string): TicketFact | undefined {
    return this.facts.get(ticketId);
  }

  /** Facts the entries changed, in the order they first changed. */
  get changedFacts(): TicketFact[] {
    return [...this.changed].map((id) => this.facts.get(id)!);
  }

  /**
   * The rollup rows to recompute: those a changed ticket counted in before and counts in now. A row
   * a ticket only passed through within the entries needs none: the ticket is in it neither before
   * nor after.
   */
  get rollupKeys(): RollupKey[] {
    return [
      ...[...this.changed].flatMap((id) => keysOf(this.before.get(id))),
      ...this.changedFacts.flatMap(keysOf),
    ];
  }

  get directoryChanges(): DirectoryRecord[] {
    return [...this.directory.values()];
  }

  /** The work rows (visits, meetings, bulletins …) the entries changed, one change per row. */
  get workChanges(): WorkRecord[] {
    return mergeWork(this.work);
  }
}
