import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { LEDGER_SETTINGS, LedgerSettings } from '../ledger.env';
import { SealChainCommand } from './commands/seal-chain/seal-chain.command';
import { Seal } from './domain/ledger-chain.aggregate';

const DAILY_CHECK_MS = 10 * 60 * 1000;

/**
 * Seals the chain once a day: asks every ten minutes; the seal itself is made once per day (in
 * China), whichever instance asks first, and a process that was down seals at its first check.
 */
@Injectable()
export class DailySealScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly commands: CommandBus,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.dailySeal) return;
    const tick = async () => {
      try {
        const seal = await this.commands.execute<SealChainCommand, Seal | null>(
          SealChainCommand.create({ reason: 'daily' }),
        );
        if (seal)
          this.logger.info({ sealNo: seal.sealNo, lastSeq: seal.lastSeq }, 'ledger sealed for the day');
      } catch (e) {
        this.logger.warn(
          { error: (e as Error).message },
          'daily ledger seal failed; retrying at the next check',
        );
      }
    };
    void tick();
    this.timer = setInterval(tick, DAILY_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
