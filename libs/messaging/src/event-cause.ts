import { EventEnvelope } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';
import { IsString, MinLength } from 'class-validator';
import type { ConsumedEvent } from './event-consumers';

/**
 * The event a change continues: its correlation id and its own id. One event handled alone runs
 * under its own correlation (EventConsumers does that); when a command applies several delivered
 * events at once, each item carries its cause, so what the change emits for it is correlated as if
 * the events had been applied one by one.
 */
export class EventCause {
  @IsString() @MinLength(1) readonly correlationId!: string;
  @IsString() @MinLength(1) readonly causationId!: string;

  static of(event: Pick<ConsumedEvent, 'id' | 'correlationId'>): EventCause {
    return Object.assign(new EventCause(), { correlationId: event.correlationId, causationId: event.id });
  }
}

/** Runs `fn` with `cause` as the ambient correlation: the events it creates (`newEvent`) are caused by it. */
export const underCause = <T>(cause: EventCause | undefined, fn: () => T): T =>
  cause ? Correlation.run(cause.correlationId, fn, cause.causationId) : fn();

/**
 * A delivered batch in rounds in which each key appears at most once, each key's events in their
 * order: round k holds every key's k-th event, in delivery order. A consumer that applies a round
 * as one command per type (its tickets loaded and saved together) applies every ticket's events in
 * order, which is all the order its effects depend on.
 */
export function inRounds<E>(events: readonly E[], keyOf: (e: E) => string): E[][] {
  const rounds: E[][] = [];
  const seen = new Map<string, number>();
  for (const e of events) {
    const key = keyOf(e);
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    (rounds[k] ??= []).push(e);
  }
  return rounds;
}

/**
 * A consumer's `handle` and `handleMany` for effects applied to several tickets at once: a
 * delivered batch goes to `apply` in rounds (`inRounds`, keyed by the event's aggregate, a ticket's
 * events by its id), a single event as a round of one, so both paths run the same code.
 */
export function appliedInRounds<E extends Pick<EventEnvelope<unknown>, 'aggregateId'>>(
  apply: (round: E[]) => Promise<void>,
): { handle: (event: E) => Promise<void>; handleMany: (events: E[]) => Promise<void> } {
  return {
    handle: (event) => apply([event]),
    handleMany: async (events) => {
      for (const round of inRounds(events, (e) => e.aggregateId)) await apply(round);
    },
  };
}
