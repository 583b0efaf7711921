import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { EnterpriseDirectory } from '../../domain/enterprise-directory';
import { CopyUserCommand } from './copy-user.command';

@CommandHandler(CopyUserCommand)
export class CopyUserHandler implements ICommandHandler<CopyUserCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: EnterpriseDirectory,
  ) {}

  execute(c: CopyUserCommand): Promise<void> {
    const { id, displayName, role, departmentId, active } = c;
    return this.uow.transaction(() =>
      this.directory.upsertUser({ id, displayName, role, departmentId, active }, c.asOf),
    );
  }
}
