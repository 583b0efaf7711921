import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EventEnvelope, InvalidEnvelopeError } from '../event-envelope';
import { DirectoryEventPayloads } from './directory.events';
import { DispatchEventPayloads } from './dispatch.events';
import { LedgerEventPayloads } from './ledger.events';
import { MeetingEventPayloads } from './meeting.events';
import { OutreachEventPayloads } from './outreach.events';
import { SlaEventPayloads } from './sla.events';
import { TicketEventPayloads } from './ticket.events';

/**
 * Every event type the services exchange, with the class of its payload: the one table that gives
 * producers their types (`newEvent` only takes a payload of the type's class) and consumers their
 * check (a received event is validated against it before any handler sees it).
 */
export const EventPayloadClasses = {
  ...TicketEventPayloads,
  ...DispatchEventPayloads,
  ...SlaEventPayloads,
  ...DirectoryEventPayloads,
  ...OutreachEventPayloads,
  ...MeetingEventPayloads,
  ...LedgerEventPayloads,
} as const;

export type EventPayloads = {
  [K in keyof typeof EventPayloadClasses]: InstanceType<(typeof EventPayloadClasses)[K]>;
};
export type EventType = keyof EventPayloads;

/** An envelope whose payload is the payload of its type. */
export type EventOf<T extends EventType> = Omit<EventEnvelope<EventPayloads[T]>, 'type'> & { type: T };

/** Any known event: `switch (event.type)` narrows the payload to that type's class. */
export type DomainEvent = { [K in EventType]: EventOf<K> }[EventType];

export const isEventType = (type: string): type is EventType =>
  Object.prototype.hasOwnProperty.call(EventPayloadClasses, type);

const messages = (errors: ValidationError[], prefix = 'payload'): string[] =>
  errors.flatMap((e) => {
    const path = `${prefix}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...messages(e.children ?? [], path)];
  });

/**
 * The envelope as a known event, its payload checked against its type's class; null for a type
 * this build does not know (the caller decides whether that matters). A payload that breaks its
 * class throws InvalidEnvelopeError: retrying cannot fix it, so consumers dead-letter it at once.
 */
export function toDomainEvent(envelope: EventEnvelope<unknown>): DomainEvent | null {
  if (!isEventType(envelope.type)) return null;
  const cls = EventPayloadClasses[envelope.type];
  const errors = validateSync(plainToInstance(cls as new () => object, envelope.payload) as object, {
    forbidUnknownValues: false,
  });
  if (errors.length) throw new InvalidEnvelopeError([`${envelope.type}`, ...messages(errors)]);
  return envelope as DomainEvent;
}
