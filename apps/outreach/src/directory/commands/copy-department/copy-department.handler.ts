import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { OutreachDirectory } from '../../domain/outreach-directory';
import { CopyDepartmentCommand } from './copy-department.command';

@CommandHandler(CopyDepartmentCommand)
export class CopyDepartmentHandler implements ICommandHandler<CopyDepartmentCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: CopyDepartmentCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.directory.upsertDepartment({ id: c.id, code: c.code, name: c.name, active: c.active }, c.asOf),
    );
  }
}
