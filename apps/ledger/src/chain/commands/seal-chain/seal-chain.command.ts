import { Command } from '@ticketing/platform';
import { IsIn } from 'class-validator';
import { SealReason } from '../../domain/ledger-chain.aggregate';

/** Seal the chain's head now: on demand (the committee), or the day's seal (the service itself). */
export class SealChainCommand extends Command {
  @IsIn(['daily', 'on_demand'], { message: 'reason must be daily or on_demand' })
  readonly reason!: SealReason;
}
