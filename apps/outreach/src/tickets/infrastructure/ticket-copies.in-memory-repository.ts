import { TicketCopies, TicketCopy, TicketFact } from '../domain/ticket-copies';

/** The ticket copy in memory, for handler specs; newest version wins like the real one. */
export class InMemoryTicketCopies extends TicketCopies {
  readonly rows = new Map<string, TicketCopy>();

  async find(ticketId: string): Promise<TicketCopy | null> {
    return this.rows.get(ticketId) ?? null;
  }

  async apply(f: TicketFact): Promise<void> {
    const held = this.rows.get(f.ticketId);
    if (held && held.sourceVersion >= f.sourceVersion) return;
    this.rows.set(f.ticketId, {
      ticketId: f.ticketId,
      number: f.number,
      enterpriseId: f.enterpriseId,
      gridId: f.gridId,
      leadDepartmentId: f.leadDepartmentId,
      coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
      status: f.status,
      visitId: held?.visitId ?? f.visit?.id ?? null,
      visitProblemIndex: held?.visitProblemIndex ?? f.visit?.problemIndex ?? null,
      solved: f.outcome !== undefined ? (f.outcome?.solved ?? null) : (held?.solved ?? null),
      satisfaction:
        f.outcome !== undefined ? (f.outcome?.satisfaction ?? null) : (held?.satisfaction ?? null),
      closedAt: f.closedAt !== undefined ? f.closedAt : (held?.closedAt ?? null),
      sourceVersion: f.sourceVersion,
    });
  }
}
