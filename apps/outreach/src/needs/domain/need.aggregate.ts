import { Actor, DomainError, NeedKind, NeedStatus, OutreachEvents } from '@ticketing/contracts';
import { invalidField } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';

export interface NeedProps {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  kind: NeedKind;
  title: string;
  description: string;
  status: NeedStatus;
  ownerDepartmentId: string | null;
  ownerUserId: string | null;
  ticketId: string | null;
  visitId: string | null;
  /** The instructor who collected it (from a visit or by hand). */
  instructorUserId: string | null;
  createdBy: Actor;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface NeedChangeInput {
  status?: NeedStatus;
  ownerDepartmentId?: string | null;
  ticketId?: string | null;
  note?: string | null;
}

/** open → in_progress → met / closed; met and closed are final. */
const NEXT: Record<NeedStatus, NeedStatus[]> = {
  open: ['in_progress', 'met', 'closed'],
  in_progress: ['met', 'closed'],
  met: [],
  closed: [],
};

/**
 * An item of the 需求清单: something an enterprise needs that is not a complaint (a project
 * application, hiring, financing, a match in the chain), with an owner who follows it up, a status,
 * and optionally the ticket it became or relates to.
 */
export class Need extends RecordedAggregate {
  private constructor(private props: NeedProps) {
    super();
  }

  static add(input: Omit<NeedProps, 'status' | 'updatedAt' | 'version' | 'createdAt'> & { at: Date }): Need {
    if (!input.title.trim()) throw invalidField('title', 'title is required');
    if (!input.description.trim()) throw invalidField('description', 'description is required');
    const { at, ...rest } = input;
    const need = new Need({
      ...rest,
      title: input.title.trim(),
      description: input.description.trim(),
      status: 'open',
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    const p = need.props;
    need.record({
      eventType: OutreachEvents.needAdded,
      actor: input.createdBy,
      at,
      version: 1,
      payload: {
        needId: p.id,
        enterpriseId: p.enterpriseId,
        enterpriseName: p.enterpriseName,
        gridId: p.gridId,
        kind: p.kind,
        title: p.title,
        description: p.description,
        status: p.status,
        ownerDepartmentId: p.ownerDepartmentId,
        ownerUserId: p.ownerUserId,
        ticketId: p.ticketId,
        visitId: p.visitId,
        instructorUserId: p.instructorUserId,
      },
    });
    return need;
  }

  static rehydrate(props: NeedProps): Need {
    return new Need({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }

  snapshot(): Readonly<NeedProps> {
    return { ...this.props };
  }

  assertVersion(expected: number): void {
    if (expected !== this.props.version) {
      throw new DomainError(
        'versionConflict',
        `the need changed since you saw it (you saw version ${expected}; it is now version ${this.props.version}, ${this.props.status}); reload and try again`,
        { currentStatus: this.props.status, currentVersion: this.props.version, expectedVersion: expected },
      );
    }
  }

  /** Applies what changes; a request that changes nothing is a 400 (no version, no event). */
  update(change: NeedChangeInput, actor: Actor, at: Date): void {
    const previousStatus = this.props.status;
    const status = change.status ?? previousStatus;
    if (status !== previousStatus && !NEXT[previousStatus].includes(status)) {
      throw new DomainError('illegalTransition', `a need that is ${previousStatus} cannot become ${status}`, {
        currentStatus: previousStatus,
        allowed: NEXT[previousStatus],
      });
    }
    const next = {
      status,
      ownerDepartmentId:
        change.ownerDepartmentId !== undefined ? change.ownerDepartmentId : this.props.ownerDepartmentId,
      ticketId: change.ticketId !== undefined ? change.ticketId : this.props.ticketId,
    };
    const note = change.note?.trim() || null;
    const changed =
      next.status !== previousStatus ||
      next.ownerDepartmentId !== this.props.ownerDepartmentId ||
      next.ticketId !== this.props.ticketId ||
      note !== null;
    if (!changed) throw invalidField('body', 'nothing to change');
    this.props = { ...this.props, ...next, updatedAt: at, version: this.props.version + 1 };
    const p = this.props;
    this.record({
      eventType: OutreachEvents.needUpdated,
      actor,
      at,
      version: p.version,
      payload: {
        needId: p.id,
        enterpriseId: p.enterpriseId,
        gridId: p.gridId,
        kind: p.kind,
        status: p.status,
        previousStatus,
        ownerDepartmentId: p.ownerDepartmentId,
        ownerUserId: p.ownerUserId,
        ticketId: p.ticketId,
        instructorUserId: p.instructorUserId,
        note,
      },
    });
  }
}
