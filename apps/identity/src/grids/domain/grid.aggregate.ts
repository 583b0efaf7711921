import { Actor, DirectoryEvents, GridUpsertedPayload, SYSTEM_ACTOR } from '@ticketing/contracts';
import { DirectoryRecord, given, sameList, sorted } from '../../directory/domain/directory-record';

export interface GridState {
  id: string;
  code: string;
  name: string;
  /** The instructors assigned to the grid (the instructors' own grids, seen from the grid). */
  instructorUserIds: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewGrid = Pick<GridState, 'id' | 'code' | 'name' | 'instructorUserIds'>;

/** What a PATCH asks for: `instructorUserIds` is the full new list. */
export interface GridChange {
  name?: string;
  instructorUserIds?: string[];
}

export interface GridUpdate {
  changed: boolean;
  joined: string[];
  left: string[];
}

/** A grid (网格) of the zone: the enterprises an instructor looks after. */
export class Grid extends DirectoryRecord<typeof DirectoryEvents.gridUpserted> {
  readonly id: string;
  readonly code: string;
  private currentName: string;
  private instructors: string[];

  private constructor(s: GridState) {
    super(DirectoryEvents.gridUpserted, s.version, s.createdAt, s.updatedAt);
    this.id = s.id;
    this.code = s.code;
    this.currentName = s.name;
    this.instructors = sorted(s.instructorUserIds);
  }

  static fromState(s: GridState): Grid {
    return new Grid(s);
  }

  /** Added by an admin, perhaps with its instructors: announced and audited with what was asked for. */
  static register(g: NewGrid, actor: Actor, at: Date, asked: Record<string, unknown>): Grid {
    const grid = new Grid({ ...g, version: 1, createdAt: at, updatedAt: at });
    grid.announce(actor, at);
    grid.audit('grid.created', actor, asked);
    return grid;
  }

  /** A demo grid put in at the first start: announced by the system, not an admin's act. */
  static seed(g: NewGrid, at: Date): Grid {
    const grid = new Grid({ ...g, version: 1, createdAt: at, updatedAt: at });
    grid.announce(SYSTEM_ACTOR, at);
    return grid;
  }

  get name(): string {
    return this.currentName;
  }

  get instructorUserIds(): string[] {
    return [...this.instructors];
  }

  /**
   * Returns `changed: false`, and changes nothing, when every value asked for is the current one.
   * The instructors who joined or left change too: the caller applies that to them.
   */
  update(change: GridChange, actor: Actor, at: Date, asked: Record<string, unknown>): GridUpdate {
    const name = given(change.name, this.currentName);
    const instructors = sorted(change.instructorUserIds ?? this.instructors);
    const joined = instructors.filter((u) => !this.instructors.includes(u));
    const left = this.instructors.filter((u) => !instructors.includes(u));
    if (name === this.currentName && sameList(instructors, this.instructors))
      return { changed: false, joined, left };
    this.currentName = name;
    this.instructors = instructors;
    this.changed(actor, at);
    this.audit('grid.updated', actor, asked);
    return { changed: true, joined, left };
  }

  /** An instructor took this grid on (changed from the user's side, so audited there). */
  instructorJoined(userId: string, actor: Actor, at: Date): void {
    if (this.instructors.includes(userId)) return;
    this.instructors = sorted([...this.instructors, userId]);
    this.changed(actor, at);
  }

  /** An instructor gave this grid up (changed from the user's side, so audited there). */
  instructorLeft(userId: string, actor: Actor, at: Date): void {
    if (!this.instructors.includes(userId)) return;
    this.instructors = this.instructors.filter((u) => u !== userId);
    this.changed(actor, at);
  }

  protected payload(): GridUpsertedPayload {
    return {
      id: this.id,
      code: this.code,
      name: this.currentName,
      instructorUserIds: this.instructorUserIds,
    };
  }
}
