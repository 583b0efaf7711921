import { EventPayloads, SlaEventType } from '@ticketing/contracts';

/**
 * An event the SLA engine recorded about one timer, typed from the event catalogue: the payload is
 * the one its type declares. Keyed by the ticket; `revision` is the timer's after the change.
 */
export type SlaEventOf<T extends SlaEventType> = {
  type: T;
  ticketId: string;
  revision: number;
  payload: EventPayloads[T];
  /**
   * The event that caused it, when several events are applied in one unit of work (a consumer's
   * batch); absent, the ambient correlation (the request or the event being handled) is the cause.
   */
  cause?: EventCause;
};

/** The correlation id an event continues and the id of the event that caused it. */
export interface EventCause {
  correlationId: string;
  causationId: string;
}

export type SlaRecordedEvent = { [K in SlaEventType]: SlaEventOf<K> }[SlaEventType];

export const isoOrEmpty = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());
