import { DispatchEvents, LedgerEvents, MeetingEvents, SlaEvents, TicketEvents } from '@ticketing/contracts';

/**
 * Never here: ticket.note-added. An internal note (内部备注) is for staff only; no subscription,
 * in-app notification or SMS carries it.
 *
 * The events a subscription may name, by a friendly name an admin can type. A subscription may
 * also use the event type itself; both are stored as the type.
 */
export const NOTIFY_EVENT_NAMES = {
  submitted: TicketEvents.submitted,
  assigned: TicketEvents.assigned,
  withdrawn: TicketEvents.withdrawn,
  acknowledged: TicketEvents.acknowledged,
  transfer_requested: TicketEvents.transferRequested,
  transfer_rejected: TicketEvents.transferRejected,
  transfer_decided: DispatchEvents.transferDecided,
  triage_needed: DispatchEvents.triageNeeded,
  interim_replied: TicketEvents.interimReplied,
  extension_requested: TicketEvents.extensionRequested,
  extension_decided: TicketEvents.extensionDecided,
  part_reported: TicketEvents.partReported,
  resolved: TicketEvents.resolved,
  replied: TicketEvents.replied,
  feedback: TicketEvents.feedbackGiven,
  reopened: TicketEvents.reopened,
  closed: TicketEvents.closed,
  supervised: TicketEvents.supervised,
  information_requested: TicketEvents.informationRequested,
  information_provided: TicketEvents.informationProvided,
  message_posted: TicketEvents.messagePosted,
  warning: SlaEvents.warning,
  breached: SlaEvents.breached,
  escalated: SlaEvents.escalated,
  meeting_scheduled: MeetingEvents.scheduled,
  meeting_updated: MeetingEvents.updated,
  meeting_cancelled: MeetingEvents.cancelled,
  decision_made: MeetingEvents.decisionMade,
  bulletin_published: LedgerEvents.bulletinPublished,
} as const;

export type NotifyEventName = keyof typeof NOTIFY_EVENT_NAMES;
export const NOTIFY_EVENT_TYPES: readonly string[] = Object.values(NOTIFY_EVENT_NAMES);

/** The events about one ticket that notify tells of (the meeting events and the ledger's bulletins are told apart). */
export const TICKET_NOTIFY_TYPES: readonly string[] = NOTIFY_EVENT_TYPES.filter(
  (t) => !t.startsWith('meeting.') && !t.startsWith('ledger.'),
);

/** The event type for a friendly name or a type; undefined when it is neither. */
export function resolveEventType(nameOrType: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(NOTIFY_EVENT_NAMES, nameOrType))
    return NOTIFY_EVENT_NAMES[nameOrType as NotifyEventName];
  return NOTIFY_EVENT_TYPES.includes(nameOrType) ? nameOrType : undefined;
}

export function friendlyName(type: string): string {
  return (Object.entries(NOTIFY_EVENT_NAMES).find(([, t]) => t === type)?.[0] as string | undefined) ?? type;
}
