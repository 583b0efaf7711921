import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_LOGGER, StartupError } from '@ticketing/platform';
import type { Logger } from 'pino';
import { ResealSecretsCommand } from './commands/reseal-secrets/reseal-secrets.command';
import { SecretBoxError } from './domain/secret-box';

/**
 * At start, after a key rotation: what the retired keys sealed is resealed with the current one. A
 * stored value sealed with a key that is not configured stops the start, naming the key: notify
 * never runs unable to open the secrets it would send with, and nothing is resealed meanwhile.
 */
@Injectable()
export class SecretRotation implements OnApplicationBootstrap {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const resealed: number = await this.commands
      .execute(ResealSecretsCommand.create({}))
      .catch((e: unknown) => {
        throw e instanceof SecretBoxError ? new StartupError(`notify: ${e.message}`) : e;
      });
    if (resealed) this.logger.info({ resealed }, 'notify: stored secrets resealed with the current key');
  }
}
