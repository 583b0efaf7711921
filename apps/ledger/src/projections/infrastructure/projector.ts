import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { applyToFact, ticketOf } from '../domain/fact-reducer';
import { ProjectedEntry, TicketFact } from '../domain/ticket-fact';
import { DirectoryStore } from './directory.store';
import { FactStore } from './fact.store';
import { keysOf, RollupStore } from './rollup.store';

/**
 * Folds entries, in seq order, into `facts` (ticket id → its fact as loaded or folded so far) with
 * the reducer, and writes directory entries to their tables as they come. Adds to `changed` the
 * tickets whose fact the reducer changed. The live path (one delivered chunk at a time) and the
 * rebuild (the whole chain) both fold with this, so they cannot disagree.
 */
export async function foldEntries(
  manager: EntityManager,
  directory: DirectoryStore,
  facts: Map<string, TicketFact>,
  entries: ProjectedEntry[],
  changed: Set<string>,
): Promise<void> {
  for (const entry of entries) {
    if (entry.topic === Topics.Directory) {
      await directory.apply(manager, entry.type, entry.payload);
      continue;
    }
    const ticketId = ticketOf(entry);
    if (!ticketId) continue;
    const next = applyToFact(facts.get(ticketId), entry);
    if (!next) continue;
    facts.set(ticketId, next);
    changed.add(ticketId);
  }
}

/** Applies appended ledger entries to the read models, inside the transaction that appended them. */
@Injectable()
export class Projector {
  readonly facts = new FactStore();
  readonly rollup = new RollupStore();
  readonly directory = new DirectoryStore();

  /**
   * A chunk of entries (in seq order) at once: the facts of its tickets loaded in one statement,
   * folded in memory, saved in one statement, and each affected rollup key recomputed once. A key
   * a ticket only passed through within the chunk needs no recompute: the ticket is in it neither
   * before nor after.
   */
  async projectMany(manager: EntityManager, entries: ProjectedEntry[]): Promise<void> {
    if (!entries.length) return;
    const ids = [...new Set(entries.map(ticketOf).filter((id): id is string => id !== null))];
    const before = await this.facts.loadMany(manager, ids);
    const facts = new Map(before);
    const changed = new Set<string>();
    await foldEntries(manager, this.directory, facts, entries, changed);
    if (!changed.size) return;
    const after = [...changed].map((id) => facts.get(id)!);
    await this.facts.save(manager, after);
    await this.rollup.recompute(manager, [...[...changed].flatMap((id) => keysOf(before.get(id))), ...after.flatMap(keysOf)]);
  }

  project(manager: EntityManager, entry: ProjectedEntry): Promise<void> {
    return this.projectMany(manager, [entry]);
  }
}
