import { isTerminal } from '../domain/ticket-state-machine';
import { RecentTicket, RecentTickets } from '../domain/similar-tickets';
import { InMemoryTicketRepository } from './ticket.in-memory-repository';

/** The in-memory tickets read as the similarity check reads them, for handler specs. */
export class InMemoryRecentTickets extends RecentTickets {
  constructor(private readonly tickets: InMemoryTicketRepository) {
    super();
  }

  async openOf(enterpriseId: string, since: Date, limit: number): Promise<RecentTicket[]> {
    return this.tickets
      .all()
      .filter((t) => t.enterpriseId === enterpriseId && !isTerminal(t.status) && t.submittedAt >= since)
      .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
      .slice(0, limit)
      .map((t) => ({
        id: t.id,
        number: t.number,
        title: t.title,
        description: t.description,
        status: t.status,
        submittedAt: new Date(t.submittedAt),
        scope: {
          enterpriseId: t.enterpriseId,
          gridId: t.gridId,
          leadDepartmentId: t.leadDepartmentId,
          coHandlerDepartmentIds: t.coHandlers.map((p) => p.departmentId),
        },
      }));
  }
}
