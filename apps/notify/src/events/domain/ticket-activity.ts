import {
  DispatchEvents,
  DispatchEventType,
  DomainEvent,
  SlaEvents,
  SlaEventType,
  TicketEvents,
  TicketEventType,
} from '@ticketing/contracts';

/** An event about a ticket: from the ticket itself, the dispatch desk or the SLA engine. */
export type TicketActivityEvent = Extract<
  DomainEvent,
  { type: TicketEventType | DispatchEventType | SlaEventType }
>;
export type TicketLifecycleEvent = Extract<DomainEvent, { type: TicketEventType }>;

const TICKET_TYPES: ReadonlySet<string> = new Set(Object.values(TicketEvents));
const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  ...TICKET_TYPES,
  ...Object.values(DispatchEvents),
  ...Object.values(SlaEvents),
]);

const SLA_TYPES: ReadonlySet<string> = new Set(Object.values(SlaEvents));

/**
 * A clock of a joint meeting's decision (议定事项), not of a ticket: the SLA events of timers with
 * subject `decision` are keyed by the decision's id and told to its lead department apart.
 */
export const isDecisionClock = (e: DomainEvent): boolean =>
  SLA_TYPES.has(e.type) && 'subject' in e.payload && e.payload.subject === 'decision';

export const isTicketActivity = (e: DomainEvent): e is TicketActivityEvent =>
  ACTIVITY_TYPES.has(e.type) && !isDecisionClock(e);

export const isTicketLifecycle = (e: DomainEvent): e is TicketLifecycleEvent => TICKET_TYPES.has(e.type);
