import { SYSTEM_ACTOR, Topics } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';
import { Statement } from '@ticketing/database';
import { OutboxWriter, newEvent } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { SlaRecordedEvent } from '../domain/sla-event';

/**
 * The engine's events as envelopes, keyed by ticket, each carrying its timer's revision; correlated
 * with the event that caused it when it names one, else with the ambient correlation.
 */
export const slaEnvelope = (e: SlaRecordedEvent) => {
  const envelope = () =>
    newEvent({
      type: e.type,
      aggregateId: e.ticketId,
      aggregateVersion: e.revision,
      actor: SYSTEM_ACTOR,
      payload: e.payload,
    });
  return e.cause ? Correlation.run(e.cause.correlationId, envelope, e.cause.causationId) : envelope();
};

/** The INSERT of the engine's events into the outbox (null for none), to write with other rows. */
export const slaEventRows = (
  outbox: OutboxWriter,
  manager: EntityManager,
  events: readonly SlaRecordedEvent[],
): Statement | null => outbox.rows(manager, Topics.Sla, events.map(slaEnvelope));

export const appendSlaEvents = (
  outbox: OutboxWriter,
  manager: EntityManager,
  events: readonly SlaRecordedEvent[],
): Promise<void> => outbox.append(manager, Topics.Sla, events.map(slaEnvelope));
