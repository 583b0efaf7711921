import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { applyToFact, ticketOf } from '../domain/fact-reducer';
import { ProjectedEntry } from '../domain/ticket-fact';
import { DirectoryStore } from './directory.store';
import { FactStore } from './fact.store';
import { keysOf, RollupStore } from './rollup.store';

/** Applies one ledger entry to the read models, inside the transaction that appended it. */
@Injectable()
export class Projector {
  readonly facts = new FactStore();
  readonly rollup = new RollupStore();
  readonly directory = new DirectoryStore();

  async project(manager: EntityManager, entry: ProjectedEntry): Promise<void> {
    if (entry.topic === Topics.Directory) {
      await this.directory.apply(manager, entry.type, entry.payload);
      return;
    }
    const ticketId = ticketOf(entry);
    if (!ticketId) return;
    const before = await this.facts.load(manager, ticketId);
    const after = applyToFact(before, entry);
    if (!after) return;
    await this.facts.save(manager, [after]);
    await this.rollup.recompute(manager, [...keysOf(before), ...keysOf(after)]);
  }
}
