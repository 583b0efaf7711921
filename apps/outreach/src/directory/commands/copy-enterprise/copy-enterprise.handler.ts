import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { OutreachDirectory } from '../../domain/outreach-directory';
import { CopyEnterpriseCommand } from './copy-enterprise.command';

@CommandHandler(CopyEnterpriseCommand)
export class CopyEnterpriseHandler implements ICommandHandler<CopyEnterpriseCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: CopyEnterpriseCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.directory.upsertEnterprise({ id: c.id, name: c.name, gridId: c.gridId, active: c.active }, c.asOf),
    );
  }
}
