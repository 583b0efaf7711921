import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { MeetingDirectory } from '../../domain/meeting-directory';
import { CopyUserCommand } from './copy-user.command';

@CommandHandler(CopyUserCommand)
export class CopyUserHandler implements ICommandHandler<CopyUserCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: MeetingDirectory,
  ) {}

  execute(c: CopyUserCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.directory.upsertUser(
        { id: c.id, displayName: c.displayName, role: c.role, active: c.active },
        c.asOf,
      ),
    );
  }
}
