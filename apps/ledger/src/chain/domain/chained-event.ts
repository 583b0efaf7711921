import { EventEnvelope, Topics } from '@ticketing/contracts';

/** What the chain takes of an event: its envelope, whatever its payload's class. */
export type ChainedEvent = EventEnvelope<object>;

/** The topic an event travelled on, from its type's context (consumers are not told the topic). */
export function topicOf(type: string): string {
  const context = type.split('.')[0];
  switch (context) {
    case 'ticket':
      return Topics.Ticket;
    case 'dispatch':
      return Topics.Dispatch;
    case 'sla':
      return Topics.Sla;
    case 'directory':
      return Topics.Directory;
    case 'outreach':
      return Topics.Outreach;
    case 'meeting':
      return Topics.Meeting;
    case 'ledger':
      return Topics.Ledger;
    default:
      return `unknown:${context}`;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * Which ticket and which department an event is about, read from the payload fields the contracts
 * use for them, whatever the event's type. Both go into the entry's hash: this reading must never
 * change, or entries chained before could no longer be told apart from forged ones.
 */
export function subjectOf(
  topic: string,
  event: ChainedEvent,
): { ticketId: string | null; departmentId: string | null } {
  const field = (name: string): unknown => Reflect.get(event.payload ?? {}, name);
  if (topic === Topics.Directory) {
    return {
      ticketId: null,
      departmentId:
        event.type === 'directory.department-upserted' ? text(field('id')) : text(field('departmentId')),
    };
  }
  if (topic === Topics.Outreach || topic === Topics.Meeting || topic === Topics.Ledger) {
    // Chained since these topics were: their aggregates (visits, meetings, bulletins) are no
    // tickets, so an entry names a ticket only when its payload does.
    return {
      ticketId: text(field('ticketId')),
      departmentId:
        text(field('departmentId')) ?? text(field('leadDepartmentId')) ?? text(field('ownerDepartmentId')),
    };
  }
  return {
    ticketId: text(field('ticketId')) ?? event.aggregateId,
    departmentId:
      text(field('departmentId')) ?? text(field('leadDepartmentId')) ?? text(field('fromDepartmentId')),
  };
}
