import { Actor, createEnvelope, EventEnvelope } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';

/**
 * Builds an envelope for an event caused by the current request or event: the correlation and
 * causation ids come from the ambient context, so they never have to be threaded by hand.
 */
export function newEvent<P>(e: {
  type: string;
  aggregateId: string;
  aggregateVersion: number;
  actor: Actor;
  payload: P;
  version?: number;
  occurredAt?: Date;
}): EventEnvelope<P> {
  return createEnvelope({
    ...e,
    correlationId: Correlation.id(),
    causationId: Correlation.causationId() ?? null,
  });
}
