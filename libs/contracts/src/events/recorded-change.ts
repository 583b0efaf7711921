import { Actor } from '../roles';
import { EventPayloads, EventType } from './catalog';

/**
 * One thing that happened to a record: a history row and an outbox event, written with the
 * record's new state in one transaction. The payload is the one its type declares in the event
 * catalogue, so producers cannot drift from what consumers check.
 */
export interface RecordedChangeOf<T extends EventType> {
  eventType: T;
  actor: Actor;
  at: Date;
  /** The record's version after the change. */
  version: number;
  payload: EventPayloads[T];
}

/** Any change of the given event types (`RecordedChange<OutreachEventType>`). */
export type RecordedChange<U extends EventType> = { [T in U]: RecordedChangeOf<T> }[U];

/**
 * What an aggregate offers its repository: the changes since it was loaded. Aggregates record
 * what happened; the repository's save writes the row, the history and the outbox together.
 */
export abstract class RecordedAggregate<U extends EventType> {
  private changes: RecordedChange<U>[] = [];

  abstract get id(): string;
  abstract get version(): number;

  /** The changes since load, in order; the repository persists them and the outbox carries them. */
  pullChanges(): RecordedChange<U>[] {
    return this.changes.splice(0);
  }

  protected record<T extends U>(change: RecordedChangeOf<T>): void {
    this.changes.push(change as RecordedChange<U>);
  }
}
