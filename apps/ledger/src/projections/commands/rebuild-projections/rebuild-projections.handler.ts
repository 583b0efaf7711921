import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { LedgerChainRepository } from '../../../chain/domain/ledger-chain.repository';
import { projected } from '../../domain/ledger-projection.aggregate';
import { LedgerProjectionRepository } from '../../domain/ledger-projection.repository';
import { RebuildProjectionsCommand } from './rebuild-projections.command';

export interface RebuildReport {
  entries: number;
  tickets: number;
  statsRows: number;
  tookMs: number;
}

/**
 * Replays the chain, in seq order, into empty read models with the same fold the live consumer
 * uses. Appends wait meanwhile (the chain head is locked), so the rebuilt projections correspond
 * to exactly the entries that exist.
 */
@CommandHandler(RebuildProjectionsCommand)
export class RebuildProjectionsHandler implements ICommandHandler<RebuildProjectionsCommand, RebuildReport> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly chains: LedgerChainRepository,
    private readonly projections: LedgerProjectionRepository,
  ) {}

  execute(_c: RebuildProjectionsCommand): Promise<RebuildReport> {
    const t0 = performance.now();
    return this.uow.transaction(async () => {
      await this.chains.lockHead();
      const projection = await this.projections.clear();
      let entries = 0;
      for await (const batch of this.chains.entries()) {
        entries += batch.length;
        projection.apply(batch.map(projected));
      }
      await this.projections.save(projection);
      return {
        entries,
        tickets: projection.changedFacts.length,
        statsRows: await this.projections.rollupRowCount(),
        tookMs: Math.round(performance.now() - t0),
      };
    });
  }
}
