import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { TicketCopies } from '../../domain/ticket-copies';
import { RecordTicketFactCommand } from './record-ticket-fact.command';

/** Keeps the ticket copy: who may see a ticket, where it stands, whether it was solved and rated. */
@CommandHandler(RecordTicketFactCommand)
export class RecordTicketFactHandler implements ICommandHandler<RecordTicketFactCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly copies: TicketCopies,
  ) {}

  execute(c: RecordTicketFactCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.copies.apply({
        ticketId: c.ticketId,
        number: c.number,
        enterpriseId: c.enterpriseId,
        gridId: c.gridId,
        leadDepartmentId: c.leadDepartmentId,
        coHandlerDepartmentIds: [...c.coHandlerDepartmentIds],
        status: c.status,
        ...(c.visitId ? { visit: { id: c.visitId, problemIndex: c.visitProblemIndex ?? null } } : {}),
        ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
        ...(c.closedAt !== undefined ? { closedAt: c.closedAt } : {}),
        sourceVersion: c.sourceVersion,
      }),
    );
  }
}
