import { DispatchEvents, SlaEvents, TicketEvents } from '@ticketing/contracts';
import { isTicketLifecycle, TicketActivityEvent } from './ticket-activity';

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
  /** The contact's phone as submitted: where SMS go (the enterprise may turn them off). */
  contactPhone: string | null;
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
  payload: Readonly<Record<string, unknown>>;
}

/** What a view needs of an event: a received one, or the sample of a test message. */
export interface ViewedEvent {
  id: string;
  type: string;
  occurredAt: string;
  payload: Readonly<Record<string, unknown>>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length ? v : null);

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
  contactPhone: null,
});

/**
 * The ticket facts after an event. Ticket events carry the ticket's state (event-carried state
 * transfer); dispatch and sla events only add what they know. Events may arrive before the
 * ticket's first one (no order across topics), so every field falls back to what was known.
 */
export function applyEvent(known: TicketFacts, event: TicketActivityEvent): TicketFacts {
  const next: TicketFacts = { ...known, coHandlerDepartmentIds: [...known.coHandlerDepartmentIds] };
  if (isTicketLifecycle(event)) {
    const p = event.payload;
    next.number = p.number || next.number;
    next.status = p.status || next.status;
    next.enterpriseId = p.enterpriseId || next.enterpriseId;
    next.category = p.category || next.category;
    next.urgency = p.urgency || next.urgency;
    next.gridId = p.gridId === null ? null : p.gridId || next.gridId;
    if (p.leadDepartmentId !== undefined) next.leadDepartmentId = p.leadDepartmentId || null;
    next.coHandlerDepartmentIds = [...p.coHandlerDepartmentIds];
    if (event.type === TicketEvents.submitted) {
      next.title = event.payload.title || next.title;
      next.enterpriseName = event.payload.enterpriseName || next.enterpriseName;
      next.contactPhone = event.payload.contact.phone || next.contactPhone;
    }
    if (event.type === TicketEvents.extensionDecided && event.payload.approved)
      next.resolveDueAt = event.payload.newDueAt || next.resolveDueAt;
    return next;
  }
  switch (event.type) {
    case DispatchEvents.decided:
      next.leadDepartmentId = event.payload.leadDepartmentId || next.leadDepartmentId;
      next.coHandlerDepartmentIds = [...event.payload.coHandlerDepartmentIds];
      break;
    case DispatchEvents.transferDecided:
      if (event.payload.approved) {
        next.leadDepartmentId = event.payload.leadDepartmentId || next.leadDepartmentId;
        next.coHandlerDepartmentIds = [...event.payload.coHandlerDepartmentIds];
      }
      break;
    case SlaEvents.deadlineSet:
      if (event.payload.kind === 'respond') next.respondDueAt = event.payload.dueAt || null;
      if (event.payload.kind === 'resolve') next.resolveDueAt = event.payload.dueAt || null;
      break;
  }
  return next;
}

/** The committee's own clocks: the desk's triage and its transfer arbitration answer to it alone. */
const COMMITTEE_CLOCKS: readonly string[] = ['triage', 'transfer_arbitration'];

/** An SLA event about one of the committee's own clocks (no department is behind it). */
export const isCommitteeClock = (v: EventView): boolean =>
  v.type.startsWith('sla.') && COMMITTEE_CLOCKS.includes(String(v.payload.kind));

/** The view of one event, given the ticket facts after it. */
export function viewOf(event: ViewedEvent, facts: TicketFacts): EventView {
  const p = event.payload;
  const departmentId =
    str(p.departmentId) ??
    str(p.fromDepartmentId) ??
    (event.type === TicketEvents.assigned ? facts.leadDepartmentId : null);
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
    (event.type === TicketEvents.assigned || event.type === TicketEvents.reopened
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

/** An event as the view reads it: its payload as a plain record of fields. */
export const viewedEvent = (e: TicketActivityEvent): ViewedEvent => ({
  id: e.id,
  type: e.type,
  occurredAt: e.occurredAt,
  payload: { ...e.payload },
});
