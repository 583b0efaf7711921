import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { SearchDirectory, TicketSearchIndex } from '../../domain/ticket-search-index';
import { RecordEnterpriseCodeCommand } from './record-enterprise-code.command';

/**
 * Keeps an enterprise's credit code and name for search; when either changed, its tickets are
 * indexed again in the same unit of work, so they are found by the new ones at once.
 */
@CommandHandler(RecordEnterpriseCodeCommand)
export class RecordEnterpriseCodeHandler implements ICommandHandler<RecordEnterpriseCodeCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: SearchDirectory,
    private readonly index: TicketSearchIndex,
  ) {}

  execute(c: RecordEnterpriseCodeCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const changed = await this.directory.upsert(
        { id: c.id, name: c.name, creditCode: c.creditCode.toUpperCase() },
        c.asOf,
      );
      if (changed) await this.index.refreshEnterprise(c.id);
    });
  }
}
