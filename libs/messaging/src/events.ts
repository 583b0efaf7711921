import { Actor, createEnvelope, EventOf, EventPayloads, EventType } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';

/**
 * Builds an envelope for an event caused by the current request or event: the correlation and
 * causation ids come from the ambient context, so they never have to be threaded by hand. The
 * payload must be the one its type declares in the event catalogue (libs/contracts).
 */
export function newEvent<T extends EventType>(e: {
  type: T;
  aggregateId: string;
  aggregateVersion: number;
  actor: Actor;
  payload: EventPayloads[T];
  version?: number;
  occurredAt?: Date;
}): EventOf<T> {
  return createEnvelope({
    ...e,
    correlationId: Correlation.id(),
    causationId: Correlation.causationId() ?? null,
  }) as EventOf<T>;
}
