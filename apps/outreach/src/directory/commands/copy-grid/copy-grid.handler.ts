import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { OutreachDirectory } from '../../domain/outreach-directory';
import { CopyGridCommand } from './copy-grid.command';

@CommandHandler(CopyGridCommand)
export class CopyGridHandler implements ICommandHandler<CopyGridCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: CopyGridCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.directory.upsertGrid(
        { id: c.id, code: c.code, name: c.name, instructorUserIds: [...c.instructorUserIds] },
        c.asOf,
      ),
    );
  }
}
