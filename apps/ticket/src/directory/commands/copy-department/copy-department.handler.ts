import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { EnterpriseDirectory } from '../../domain/enterprise-directory';
import { CopyDepartmentCommand } from './copy-department.command';

@CommandHandler(CopyDepartmentCommand)
export class CopyDepartmentHandler implements ICommandHandler<CopyDepartmentCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: EnterpriseDirectory,
  ) {}

  execute(c: CopyDepartmentCommand): Promise<void> {
    const { id, code, name, nameEn, active } = c;
    return this.uow.transaction(() =>
      this.directory.upsertDepartment({ id, code, name, nameEn, active }, c.asOf),
    );
  }
}
