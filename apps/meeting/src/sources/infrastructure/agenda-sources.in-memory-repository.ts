import {
  AgendaSources,
  CandidateReason,
  FINISHED_TICKET_STATUSES,
  NeedCopy,
  NeedFact,
  TicketCopy,
  TicketFact,
} from '../domain/agenda-sources';
import { applyFoldedTicketFact, foldTicketFacts } from '../domain/ticket-copy';

/** Agenda sources in memory, for handler specs. `scheduled` stands for tickets on a live agenda. */
export class InMemoryAgendaSources extends AgendaSources {
  readonly tickets = new Map<string, TicketCopy>();
  readonly needs = new Map<string, NeedCopy & { asOf: Date }>();
  readonly candidates = new Map<string, { reason: CandidateReason; at: Date; note: string }>();
  readonly scheduled = new Set<string>();

  async findTicket(ticketId: string): Promise<TicketCopy | null> {
    return this.tickets.get(ticketId) ?? null;
  }

  async findNeed(needId: string): Promise<NeedCopy | null> {
    const n = this.needs.get(needId);
    if (!n) return null;
    const { asOf: _asOf, ...copy } = n;
    return copy;
  }

  /** As the TypeORM one: fold per ticket, then each folded fact against the copy held. */
  async applyTickets(facts: readonly TicketFact[]): Promise<void> {
    for (const f of foldTicketFacts(facts)) {
      const next = applyFoldedTicketFact(this.tickets.get(f.ticketId) ?? null, f);
      if (next) this.tickets.set(f.ticketId, next);
    }
  }

  async applyNeed(f: NeedFact): Promise<void> {
    const held = this.needs.get(f.needId);
    if (held && held.asOf > f.asOf) return;
    this.needs.set(f.needId, {
      needId: f.needId,
      enterpriseId: f.enterpriseId,
      enterpriseName: f.enterpriseName ?? held?.enterpriseName ?? null,
      title: f.title ?? held?.title ?? null,
      kind: f.kind,
      status: f.status,
      ownerDepartmentId: f.ownerDepartmentId,
      asOf: f.asOf,
    });
  }

  async raiseCandidate(c: {
    ticketId: string;
    reason: CandidateReason;
    at: Date;
    note: string;
  }): Promise<void> {
    const held = this.candidates.get(c.ticketId);
    if (held && held.at >= c.at) return;
    this.candidates.set(c.ticketId, { reason: c.reason, at: c.at, note: c.note });
    this.scheduled.delete(c.ticketId);
  }

  async isPendingCandidate(ticketId: string): Promise<boolean> {
    const t = this.tickets.get(ticketId);
    return (
      this.candidates.has(ticketId) &&
      !this.scheduled.has(ticketId) &&
      !(t && FINISHED_TICKET_STATUSES.includes(t.status))
    );
  }
}
