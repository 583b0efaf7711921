import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { AgendaSources } from '../../domain/agenda-sources';
import { RaiseCandidateCommand } from './raise-candidate.command';

/** Keeps a ticket the ladder sent to the joint meeting as an agenda candidate (once; a later raise counts). */
@CommandHandler(RaiseCandidateCommand)
export class RaiseCandidateHandler implements ICommandHandler<RaiseCandidateCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: AgendaSources,
  ) {}

  execute(c: RaiseCandidateCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.sources.raiseCandidate({ ticketId: c.ticketId, reason: c.reason, at: c.at, note: c.note }),
    );
  }
}
