import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { AgendaSources, TicketFact } from '../../domain/agenda-sources';
import { RecordTicketFactsCommand, TicketFactItem } from './record-ticket-facts.command';

const toFact = (f: TicketFactItem): TicketFact => ({
  ticketId: f.ticketId,
  number: f.number,
  enterpriseId: f.enterpriseId,
  leadDepartmentId: f.leadDepartmentId,
  coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
  status: f.status,
  sourceVersion: f.sourceVersion,
  ...(f.title !== undefined ? { title: f.title } : {}),
  ...(f.enterpriseName !== undefined ? { enterpriseName: f.enterpriseName } : {}),
});

/**
 * Keeps the ticket copies (number, title, enterprise, lead and co-handlers, status) from a list of
 * facts: one write for the whole list, in the unit of work open around it (the inbox transaction).
 */
@CommandHandler(RecordTicketFactsCommand)
export class RecordTicketFactsHandler implements ICommandHandler<RecordTicketFactsCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sources: AgendaSources,
  ) {}

  execute(c: RecordTicketFactsCommand): Promise<void> {
    return this.uow.transaction(() => this.sources.applyTickets(c.facts.map(toFact)));
  }
}
