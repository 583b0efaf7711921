import { Actor, DirectoryEventType, EventPayloads } from '@ticketing/contracts';

/** The directory's record kinds, as the audit trail names them. */
export const DirectoryEntityTypes = ['user', 'enterprise', 'department', 'grid'] as const;
export type DirectoryEntityType = (typeof DirectoryEntityTypes)[number];

/** The record as it is now, announced to the other services (event-carried state). */
export interface DirectoryEvent<T extends DirectoryEventType> {
  type: T;
  version: number;
  actor: Actor;
  at: Date;
  payload: EventPayloads[T];
}

/** One line of the record's history: who asked for what. Never a password or a hash. */
export interface AuditNote {
  action: string;
  actor: Actor;
  details: Record<string, unknown>;
}

export interface DirectoryChanges<T extends DirectoryEventType> {
  events: DirectoryEvent<T>[];
  audit: AuditNote[];
}

/** A field's new value when one was asked for (`undefined`: leave it), else the current one. */
export const given = <V>(asked: V | undefined, current: V): V => (asked === undefined ? current : asked);

export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/**
 * What every directory record shares: a version that counts its changes, and what a change leaves
 * behind until the repository stores it with the row (the announcing event, the audit note).
 */
export abstract class DirectoryRecord<T extends DirectoryEventType> {
  private events: DirectoryEvent<T>[] = [];
  private notes: AuditNote[] = [];

  protected constructor(
    protected readonly eventType: T,
    private currentVersion: number,
    readonly createdAt: Date,
    private lastUpdatedAt: Date,
  ) {}

  get version(): number {
    return this.currentVersion;
  }

  get updatedAt(): Date {
    return this.lastUpdatedAt;
  }

  /** The payload of the record's upserted event: the state other services keep a copy of. */
  protected abstract payload(): EventPayloads[T];

  /** A change that other services must hear of: the version moves on and the new state is announced. */
  protected changed(actor: Actor, at: Date): void {
    this.currentVersion += 1;
    this.lastUpdatedAt = at;
    this.announce(actor, at);
  }

  /** A change no other service sees (a password): only the time of the last change moves. */
  protected touched(at: Date): void {
    this.lastUpdatedAt = at;
  }

  protected announce(actor: Actor, at: Date): void {
    this.events.push({
      type: this.eventType,
      version: this.currentVersion,
      actor,
      at,
      payload: this.payload(),
    });
  }

  protected audit(action: string, actor: Actor, details: Record<string, unknown>): void {
    this.notes.push({ action, actor, details });
  }

  /** Hands over what the changes since the last call left behind, for the repository to store. */
  pullChanges(): DirectoryChanges<T> {
    const changes = { events: this.events, audit: this.notes };
    this.events = [];
    this.notes = [];
    return changes;
  }
}
