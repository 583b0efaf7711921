import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { SealedSecretsRepository } from '../../domain/sealed-secrets.repository';
import { ResealSecretsCommand } from './reseal-secrets.command';

/** One unit of work: every stale row is locked, resealed with the current key and written, or none is. */
@CommandHandler(ResealSecretsCommand)
export class ResealSecretsHandler implements ICommandHandler<ResealSecretsCommand, number> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly secrets: SealedSecretsRepository,
  ) {}

  execute(_c: ResealSecretsCommand): Promise<number> {
    return this.uow.transaction(() => this.secrets.resealStale());
  }
}
