import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '@ticketing/contracts';
import { DATABASE_URL, ListeningLoop } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DueStepsFired, FireDueStepsCommand } from '../commands/fire-due-steps/fire-due-steps.command';
import { FiringUnitOfWork } from '../commands/fire-due-steps/firing-unit-of-work';
import { FIRINGS_CHANNEL } from '../infrastructure/channels';

/**
 * Fires each due step as it falls due. The table is the truth: every instance sleeps until the
 * earliest unfired step (a hint, brought forward by NOTIFY from whoever plans steps, and capped by
 * a short poll), then fires what is due. What came due while every instance was down fires on the
 * first turn after start.
 */
@Injectable()
export class FiringScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  static pollMs = 2000;
  static batchSize = 500;
  private readonly loop: ListeningLoop;

  constructor(
    private readonly commands: CommandBus,
    @Inject(FiringUnitOfWork) private readonly connection: FiringUnitOfWork,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) logger: Logger,
  ) {
    this.loop = new ListeningLoop({
      connectionString: databaseUrl,
      channels: [FIRINGS_CHANNEL],
      pollMs: FiringScheduler.pollMs,
      // Steps fall due in domain time: the same clock as the events that planned them.
      now: Clock.nowMs,
      hintOf: (_channel, payload) => Number(payload) || 0,
      turn: async () => {
        const r: DueStepsFired = await this.commands.execute(
          FireDueStepsCommand.create({ now: Clock.now(), limit: FiringScheduler.batchSize }),
        );
        if (r.claimed >= FiringScheduler.batchSize) return 'again';
        return r.nextAt === null ? 'idle' : { nextAt: r.nextAt };
      },
      onError: (e) => logger.warn({ error: e.message }, 'sla firing loop failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    await this.connection.release();
  }
}
