import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { AgendaSources } from '../../domain/agenda-sources';
import { RecordNeedFactCommand } from './record-need-fact.command';

/** Keeps the copy of a need: its title and enterprise (for an agenda item), status and owner. */
@CommandHandler(RecordNeedFactCommand)
export class RecordNeedFactHandler implements ICommandHandler<RecordNeedFactCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: AgendaSources,
  ) {}

  execute(c: RecordNeedFactCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.sources.applyNeed({
        needId: c.needId,
        enterpriseId: c.enterpriseId,
        kind: c.kind,
        status: c.status,
        ownerDepartmentId: c.ownerDepartmentId,
        asOf: c.asOf,
        ...(c.title !== undefined ? { title: c.title } : {}),
        ...(c.enterpriseName !== undefined ? { enterpriseName: c.enterpriseName } : {}),
      }),
    );
  }
}
