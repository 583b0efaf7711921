import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { LedgerProjection, projected } from '../../../projections/domain/ledger-projection.aggregate';
import { LedgerProjectionRepository } from '../../../projections/domain/ledger-projection.repository';
import { LedgerChainRepository } from '../../domain/ledger-chain.repository';
import { HashedLedgerEntry } from '../../domain/ledger-entry';
import { AppendToLedgerCommand } from './append-to-ledger.command';

/**
 * Chains a delivered chunk and projects it, in one unit of work (inside a consumer: the inbox
 * transaction, so the entries, the read models and the inbox rows commit together). A chunk costs
 * the same statements whatever its size: one head lock, one insert of its entries, one head update,
 * one load and one save of its tickets' facts, one recompute of the rollup rows they touch.
 */
@CommandHandler(AppendToLedgerCommand)
export class AppendToLedgerHandler implements ICommandHandler<AppendToLedgerCommand, HashedLedgerEntry[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly chains: LedgerChainRepository,
    private readonly projections: LedgerProjectionRepository,
  ) {}

  /** The entries appended, in seq order (none for events the chain held already). */
  execute(c: AppendToLedgerCommand): Promise<HashedLedgerEntry[]> {
    return this.uow.transaction(async () => {
      const chain = await this.chains.lockForAppend(c.events.map((e) => e.id));
      const entries = chain.append(c.events, new Date());
      if (!entries.length) return [];
      await this.chains.save(chain);
      const folded = entries.map(projected);
      const projection = await this.projections.load(LedgerProjection.ticketsOf(folded));
      projection.apply(folded);
      await this.projections.save(projection);
      return entries;
    });
  }
}
