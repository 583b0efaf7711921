import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DATABASE_URL, ListeningLoop } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { RecomputeTimersCommand } from '../commands/recompute-timers/recompute-timers.command';
import { RECOMPUTE_CHANNEL } from '../infrastructure/channels';

/**
 * Works off the recompute jobs that policy and calendar changes enqueue, one batch per turn, woken
 * by NOTIFY when a job is committed and by a poll otherwise.
 */
@Injectable()
export class RecomputeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  static batchSize = 2000;
  static pollMs = 5000;
  private readonly loop: ListeningLoop;

  constructor(
    private readonly commands: CommandBus,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) logger: Logger,
  ) {
    this.loop = new ListeningLoop({
      connectionString: databaseUrl,
      channels: [RECOMPUTE_CHANNEL],
      pollMs: RecomputeWorker.pollMs,
      retryMs: 1000,
      turn: async () => {
        const more: boolean = await this.commands.execute(
          RecomputeTimersCommand.create({ batchSize: RecomputeWorker.batchSize, now: new Date() }),
        );
        return more ? 'again' : 'idle';
      },
      onError: (e) => logger.warn({ error: e.message }, 'sla recompute batch failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }
}
