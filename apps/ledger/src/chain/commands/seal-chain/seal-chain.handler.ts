import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { Seal, sealDay } from '../../domain/ledger-chain.aggregate';
import { LedgerChainRepository } from '../../domain/ledger-chain.repository';
import { SealChainCommand } from './seal-chain.command';

/** The seal made, or null when the day's seal exists already (a daily seal is one a day, however many instances ask). */
@CommandHandler(SealChainCommand)
export class SealChainHandler implements ICommandHandler<SealChainCommand, Seal | null> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly chains: LedgerChainRepository,
  ) {}

  execute(c: SealChainCommand): Promise<Seal | null> {
    return this.uow.transaction(async () => {
      const now = new Date();
      const chain = await this.chains.lockForSeal(sealDay(now));
      const seal = chain.seal(c.reason, now);
      if (seal) await this.chains.save(chain);
      return seal;
    });
  }
}
