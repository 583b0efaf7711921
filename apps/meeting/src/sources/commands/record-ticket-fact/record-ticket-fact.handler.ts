import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { AgendaSources } from '../../domain/agenda-sources';
import { RecordTicketFactCommand } from './record-ticket-fact.command';

/** Keeps the ticket copy: number, title, enterprise, lead and co-handlers, status. */
@CommandHandler(RecordTicketFactCommand)
export class RecordTicketFactHandler implements ICommandHandler<RecordTicketFactCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: AgendaSources,
  ) {}

  execute(c: RecordTicketFactCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.sources.applyTicket({
        ticketId: c.ticketId,
        number: c.number,
        enterpriseId: c.enterpriseId,
        leadDepartmentId: c.leadDepartmentId,
        coHandlerDepartmentIds: [...c.coHandlerDepartmentIds],
        status: c.status,
        sourceVersion: c.sourceVersion,
        ...(c.title !== undefined ? { title: c.title } : {}),
        ...(c.enterpriseName !== undefined ? { enterpriseName: c.enterpriseName } : {}),
      }),
    );
  }
}
