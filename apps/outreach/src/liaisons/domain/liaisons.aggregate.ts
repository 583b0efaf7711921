import { Actor, OutreachEvents } from '@ticketing/contracts';
import { invalidField } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';

export interface LiaisonLeader {
  name: string;
  title: string | null;
  phone: string | null;
  userId: string | null;
}

export interface DepartmentLiaison {
  departmentId: string;
  contactName: string | null;
  contactPhone: string | null;
}

export interface LiaisonsProps {
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  keyEnterprise: boolean;
  instructorUserIds: string[];
  leader: LiaisonLeader | null;
  department: DepartmentLiaison | null;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface LiaisonsInput {
  keyEnterprise: boolean;
  instructorUserIds: string[];
  leader: LiaisonLeader | null;
  department: DepartmentLiaison | null;
}

/** How many instructors one enterprise may have: the "1 1 5" system names one; a few share a big one. */
export const MAX_INSTRUCTORS = 5;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * 联系制度 for one enterprise: its instructor(s), a committee leader, a department liaison, and
 * whether it is a key enterprise (重点企业, visited more often). Setting the same values again
 * changes nothing (no version, no event).
 */
export class Liaisons extends RecordedAggregate {
  private constructor(private props: LiaisonsProps) {
    super();
  }

  /** An enterprise nobody named anyone for yet (version 0, not stored). */
  static none(enterprise: { id: string; name: string; gridId: string | null }): Liaisons {
    return new Liaisons({
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      gridId: enterprise.gridId,
      keyEnterprise: false,
      instructorUserIds: [],
      leader: null,
      department: null,
      version: 0,
      updatedAt: new Date(0),
      updatedBy: '',
    });
  }

  static rehydrate(props: LiaisonsProps): Liaisons {
    return new Liaisons({ ...props, instructorUserIds: [...props.instructorUserIds] });
  }

  get id(): string {
    return this.props.enterpriseId;
  }
  get version(): number {
    return this.props.version;
  }

  snapshot(): Readonly<LiaisonsProps> {
    return { ...this.props, instructorUserIds: [...this.props.instructorUserIds] };
  }

  /** Returns false when nothing changed. The enterprise's name and grid are refreshed from the directory. */
  set(
    input: LiaisonsInput,
    enterprise: { name: string; gridId: string | null },
    actor: Actor,
    at: Date,
  ): boolean {
    if (input.leader && !input.leader.name.trim())
      throw invalidField('leader.name', 'leader.name is required');
    const instructors = [...new Set(input.instructorUserIds)];
    if (instructors.length !== input.instructorUserIds.length)
      throw invalidField('instructorUserIds', 'names an instructor twice');
    if (instructors.length > MAX_INSTRUCTORS)
      throw invalidField('instructorUserIds', `at most ${MAX_INSTRUCTORS} instructors`);
    const next = {
      keyEnterprise: input.keyEnterprise,
      instructorUserIds: instructors,
      leader: input.leader,
      department: input.department,
    };
    const current = {
      keyEnterprise: this.props.keyEnterprise,
      instructorUserIds: this.props.instructorUserIds,
      leader: this.props.leader,
      department: this.props.department,
    };
    if (this.props.version > 0 && same(next, current)) return false;
    this.props = {
      ...this.props,
      ...next,
      enterpriseName: enterprise.name,
      gridId: enterprise.gridId,
      version: this.props.version + 1,
      updatedAt: at,
      updatedBy: actor.id,
    };
    this.record({
      eventType: OutreachEvents.liaisonsSet,
      actor,
      at,
      version: this.props.version,
      payload: {
        enterpriseId: this.props.enterpriseId,
        enterpriseName: this.props.enterpriseName,
        gridId: this.props.gridId,
        keyEnterprise: this.props.keyEnterprise,
        instructorUserIds: [...instructors],
        leader: this.props.leader,
        department: this.props.department,
      },
    });
    return true;
  }
}
