import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { TicketCopies, TicketFact } from '../../domain/ticket-copies';
import { RecordTicketFactsCommand, TicketFactInput } from './record-ticket-facts.command';

const factOf = (c: TicketFactInput): TicketFact => ({
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
});

/**
 * Keeps the ticket copy: who may see a ticket, where it stands, whether it was solved and rated.
 * A delivered batch is one write of every ticket it names, with the effect of its facts one by one.
 */
@CommandHandler(RecordTicketFactsCommand)
export class RecordTicketFactsHandler implements ICommandHandler<RecordTicketFactsCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly copies: TicketCopies,
  ) {}

  execute(c: RecordTicketFactsCommand): Promise<void> {
    return this.uow.transaction(() => this.copies.applyAll(c.facts.map(factOf)));
  }
}
