import { EventEnvelope } from '@ticketing/contracts';

/** What notify remembers about a ticket, from the ticket, dispatch and sla events it has seen. */
export interface TicketFacts {
  ticketId: string;
  number: string;
  title: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  category: string | null;
  urgency: string | null;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  status: string | null;
  respondDueAt: string | null;
  resolveDueAt: string | null;
}

/** One event as notify needs it: the ticket facts after the event, plus what the event itself says. */
export interface EventView {
  eventId: string;
  type: string;
  occurredAt: string;
  ticket: TicketFacts;
  /** The department the event is about (the timer's, the one asking for a transfer, the one resolving). */
  departmentId: string | null;
  /** Every department involved: filters on departments match any of them. */
  departmentIds: string[];
  /** The deadline this event is about, when it names one. */
  dueAt: string | null;
  payload: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length ? v : null);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

export const emptyFacts = (ticketId: string): TicketFacts => ({
  ticketId,
  number: ticketId,
  title: null,
  enterpriseId: null,
  enterpriseName: null,
  category: null,
  urgency: null,
  gridId: null,
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
  status: null,
  respondDueAt: null,
  resolveDueAt: null,
});

/**
 * The ticket facts after an event. Ticket events carry the ticket's state (event-carried state
 * transfer); dispatch and sla events only add what they know. Events may arrive before the
 * ticket's first one (no order across topics), so every field falls back to what was known.
 */
export function applyEvent(known: TicketFacts, event: EventEnvelope<Record<string, unknown>>): TicketFacts {
  const p = event.payload;
  const next: TicketFacts = { ...known, coHandlerDepartmentIds: [...known.coHandlerDepartmentIds] };
  if (event.type.startsWith('ticket.')) {
    next.number = str(p.number) ?? next.number;
    next.status = str(p.status) ?? next.status;
    next.enterpriseId = str(p.enterpriseId) ?? next.enterpriseId;
    next.category = str(p.category) ?? next.category;
    next.urgency = str(p.urgency) ?? next.urgency;
    next.gridId = p.gridId === null ? null : (str(p.gridId) ?? next.gridId);
    if ('leadDepartmentId' in p) next.leadDepartmentId = str(p.leadDepartmentId);
    if (Array.isArray(p.coHandlerDepartmentIds)) next.coHandlerDepartmentIds = strs(p.coHandlerDepartmentIds);
    next.title = str(p.title) ?? next.title;
    next.enterpriseName = str(p.enterpriseName) ?? next.enterpriseName;
    if (event.type === 'ticket.extension-decided' && p.approved === true)
      next.resolveDueAt = str(p.newDueAt) ?? next.resolveDueAt;
  } else if (
    event.type === 'dispatch.decided' ||
    (event.type === 'dispatch.transfer-decided' && p.approved === true)
  ) {
    next.leadDepartmentId = str(p.leadDepartmentId) ?? next.leadDepartmentId;
    next.coHandlerDepartmentIds = strs(p.coHandlerDepartmentIds);
  } else if (event.type === 'sla.deadline-set') {
    if (p.kind === 'respond') next.respondDueAt = str(p.dueAt);
    if (p.kind === 'resolve') next.resolveDueAt = str(p.dueAt);
  }
  return next;
}

/** The committee's own clocks: the desk's triage and its transfer arbitration answer to it alone. */
const COMMITTEE_CLOCKS: readonly string[] = ['triage', 'transfer_arbitration'];

/** An SLA event about one of the committee's own clocks (no department is behind it). */
export const isCommitteeClock = (v: EventView): boolean =>
  v.type.startsWith('sla.') && COMMITTEE_CLOCKS.includes(String(v.payload.kind));

/** The view of one event, given the ticket facts after it. */
export function viewOf(event: EventEnvelope<Record<string, unknown>>, facts: TicketFacts): EventView {
  const p = event.payload;
  const departmentId =
    str(p.departmentId) ??
    str(p.fromDepartmentId) ??
    (event.type === 'ticket.assigned' ? facts.leadDepartmentId : null);
  const departmentIds = [
    ...new Set(
      [
        departmentId,
        facts.leadDepartmentId,
        ...facts.coHandlerDepartmentIds,
        str(p.leadDepartmentId),
        str(p.previousLeadDepartmentId),
      ].filter((d): d is string => !!d),
    ),
  ];
  const dueAt =
    str(p.dueAt) ??
    str(p.proposedDueAt) ??
    str(p.newDueAt) ??
    (event.type === 'ticket.assigned' || event.type === 'ticket.reopened'
      ? facts.respondDueAt
      : facts.resolveDueAt);
  return {
    eventId: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    ticket: facts,
    departmentId,
    departmentIds,
    dueAt,
    payload: p,
  };
}

/** The ticket an event is about, when it is about one. */
export function ticketIdOf(event: EventEnvelope<Record<string, unknown>>): string | null {
  return str(event.payload.ticketId) ?? (event.type.startsWith('directory.') ? null : str(event.aggregateId));
}
