import {
  Actor,
  AgendaItemKind,
  AgendaSource,
  DomainError,
  MeetingEvents,
  MeetingScheduledPayload,
} from '@ticketing/contracts';
import { fieldProblem, invalidField } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';
import { assertSeenVersion, requiredText } from '../../shared/domain/version';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

/** One item of the agenda: a ticket, a need, an earlier decision to report on, or a topic. */
export interface AgendaItem {
  itemId: string;
  kind: AgendaItemKind;
  source: AgendaSource;
  title: string;
  ticketId: string | null;
  ticketNumber: string | null;
  needId: string | null;
  decisionId: string | null;
  enterpriseId: string | null;
  /** The departments concerned (a ticket's lead and co-handlers, a need's owner, a decision's): invited with it. */
  departmentIds: string[];
  addedAt: Date;
}

export interface Attendance {
  departmentIds: string[];
  enterpriseIds: string[];
  /** Everyone present, as written in the minutes (names and titles). */
  people: string[];
}

export interface MeetingProps {
  id: string;
  title: string;
  startsAt: Date;
  place: string;
  convenorId: string;
  convenorName: string;
  status: MeetingStatus;
  agenda: AgendaItem[];
  invitedDepartmentIds: string[];
  invitedEnterpriseIds: string[];
  heldAt: Date | null;
  attendance: Attendance | null;
  summary: string | null;
  decisionIds: string[];
  cancelReason: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** What the meeting decided on one agenda item (the Decision aggregate is made from it). */
export interface DecisionOnItem {
  decisionId: string;
  itemId: string;
}

export interface MeetingChange {
  title?: string;
  startsAt?: Date;
  place?: string;
  convenor?: { id: string; name: string };
  addItems?: AgendaItem[];
  removeItemIds?: string[];
  invitedDepartmentIds?: string[];
  invitedEnterpriseIds?: string[];
}

const unique = (ids: Iterable<string>): string[] => [...new Set(ids)];

/** What an item is about, for spotting the same ticket, need or earlier decision twice on one agenda. */
const subjectOf = (i: AgendaItem): string | null => {
  switch (i.kind) {
    case 'decision':
      return `decision:${i.decisionId}`;
    case 'ticket':
      return `ticket:${i.ticketId}`;
    case 'need':
      return `need:${i.needId}`;
    default:
      return null;
  }
};

/** A meeting is recorded at most this long after now (clocks differ a little); never in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A joint meeting (联席会议) of the committee, departments and enterprises: scheduled with an
 * agenda and invitations, which may change until it is held; then recorded once (attendance, a
 * summary and one decision per decided item) or cancelled. The departments an agenda item concerns
 * are invited with it, and so are the enterprises whose ticket or need it is.
 */
export class Meeting extends RecordedAggregate {
  private constructor(private props: MeetingProps) {
    super();
  }

  static schedule(input: {
    id: string;
    title: string;
    startsAt: Date;
    place: string;
    convenor: { id: string; name: string };
    agenda: AgendaItem[];
    invitedDepartmentIds: string[];
    invitedEnterpriseIds: string[];
    actor: Actor;
    at: Date;
  }): Meeting {
    const title = requiredText('title', input.title);
    const place = requiredText('place', input.place);
    Meeting.assertAgenda(input.agenda, 'items');
    const meeting = new Meeting({
      id: input.id,
      title,
      startsAt: input.startsAt,
      place,
      convenorId: input.convenor.id,
      convenorName: input.convenor.name,
      status: 'scheduled',
      agenda: input.agenda.map((i) => ({ ...i })),
      invitedDepartmentIds: unique([
        ...input.invitedDepartmentIds,
        ...input.agenda.flatMap((i) => i.departmentIds),
      ]),
      invitedEnterpriseIds: unique([
        ...input.invitedEnterpriseIds,
        ...input.agenda.flatMap((i) => (i.enterpriseId ? [i.enterpriseId] : [])),
      ]),
      heldAt: null,
      attendance: null,
      summary: null,
      decisionIds: [],
      cancelReason: null,
      createdById: input.actor.id,
      createdAt: input.at,
      updatedAt: input.at,
      version: 1,
    });
    meeting.record({
      eventType: MeetingEvents.scheduled,
      actor: input.actor,
      at: input.at,
      version: 1,
      payload: meeting.state(),
    });
    return meeting;
  }

  static rehydrate(props: MeetingProps): Meeting {
    return new Meeting({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }
  get status(): MeetingStatus {
    return this.props.status;
  }

  snapshot(): Readonly<MeetingProps> {
    return { ...this.props };
  }

  assertVersion(expected: number): void {
    assertSeenVersion('meeting', this.props, expected);
  }

  /** Before it is held: time, place, convenor, agenda items added or removed, invitations. */
  update(change: MeetingChange, actor: Actor, at: Date): void {
    this.assertStatus('scheduled', 'change');
    const p = this.props;
    const removing = change.removeItemIds ?? [];
    removing.forEach((id, i) => {
      if (!p.agenda.some((item) => item.itemId === id))
        throw invalidField(`removeItemIds.${i}`, `${id} is not an item of this meeting's agenda`);
    });
    const added = change.addItems ?? [];
    const agenda = [...p.agenda.filter((i) => !removing.includes(i.itemId)), ...added.map((i) => ({ ...i }))];
    if (added.length) Meeting.assertAgenda(agenda, 'addItems', p.agenda.length - removing.length);
    if (!agenda.length) throw invalidField('removeItemIds', 'a meeting keeps at least one agenda item');
    const departmentsOfItems = (items: AgendaItem[]) => items.flatMap((i) => i.departmentIds);
    const enterprisesOfItems = (items: AgendaItem[]) =>
      items.flatMap((i) => (i.enterpriseId ? [i.enterpriseId] : []));
    const next = {
      title: change.title !== undefined ? requiredText('title', change.title) : p.title,
      startsAt: change.startsAt ?? p.startsAt,
      place: change.place !== undefined ? requiredText('place', change.place) : p.place,
      convenorId: change.convenor?.id ?? p.convenorId,
      convenorName: change.convenor?.name ?? p.convenorName,
      agenda,
      invitedDepartmentIds:
        change.invitedDepartmentIds !== undefined
          ? unique([...change.invitedDepartmentIds, ...departmentsOfItems(agenda)])
          : unique([...p.invitedDepartmentIds, ...departmentsOfItems(added)]),
      invitedEnterpriseIds:
        change.invitedEnterpriseIds !== undefined
          ? unique([...change.invitedEnterpriseIds, ...enterprisesOfItems(agenda)])
          : unique([...p.invitedEnterpriseIds, ...enterprisesOfItems(added)]),
    };
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const changed =
      next.title !== p.title ||
      next.startsAt.getTime() !== p.startsAt.getTime() ||
      next.place !== p.place ||
      next.convenorId !== p.convenorId ||
      added.length > 0 ||
      removing.length > 0 ||
      !same(next.invitedDepartmentIds, p.invitedDepartmentIds) ||
      !same(next.invitedEnterpriseIds, p.invitedEnterpriseIds);
    if (!changed) throw invalidField('body', 'nothing to change');
    this.props = { ...p, ...next, updatedAt: at, version: p.version + 1 };
    this.record({
      eventType: MeetingEvents.updated,
      actor,
      at,
      version: this.props.version,
      payload: this.state(),
    });
  }

  cancel(reason: string, actor: Actor, at: Date): void {
    this.assertStatus('scheduled', 'cancel');
    const text = requiredText('reason', reason);
    this.props = {
      ...this.props,
      status: 'cancelled',
      cancelReason: text,
      updatedAt: at,
      version: this.props.version + 1,
    };
    this.record({
      eventType: MeetingEvents.cancelled,
      actor,
      at,
      version: this.props.version,
      payload: { meetingId: this.props.id, reason: text },
    });
  }

  /**
   * The meeting took place: who attended, the summary, and which items it decided (one decision
   * per item at most; the Decision aggregates are made beside it in the same unit of work).
   */
  hold(
    record: { heldAt: Date; attendance: Attendance; summary: string; decisions: DecisionOnItem[] },
    actor: Actor,
    at: Date,
  ): void {
    this.assertStatus('scheduled', 'record');
    if (record.heldAt.getTime() > at.getTime() + CLOCK_SKEW_MS)
      throw invalidField('heldAt', 'a meeting is recorded once it took place: heldAt is in the future');
    const summary = requiredText('summary', record.summary);
    const seen = new Set<string>();
    record.decisions.forEach((d, i) => {
      if (!this.props.agenda.some((item) => item.itemId === d.itemId))
        throw invalidField(`decisions.${i}.itemId`, `${d.itemId} is not an item of this meeting's agenda`);
      if (seen.has(d.itemId))
        throw invalidField(
          `decisions.${i}.itemId`,
          `one decision per agenda item: ${d.itemId} is decided twice`,
        );
      seen.add(d.itemId);
    });
    const attendance = {
      departmentIds: unique(record.attendance.departmentIds),
      enterpriseIds: unique(record.attendance.enterpriseIds),
      people: record.attendance.people.map((p) => p.trim()).filter(Boolean),
    };
    this.props = {
      ...this.props,
      status: 'held',
      heldAt: record.heldAt,
      attendance,
      summary,
      decisionIds: record.decisions.map((d) => d.decisionId),
      updatedAt: at,
      version: this.props.version + 1,
    };
    this.record({
      eventType: MeetingEvents.held,
      actor,
      at,
      version: this.props.version,
      payload: {
        meetingId: this.props.id,
        heldAt: record.heldAt.toISOString(),
        attendance,
        summary,
        decisionIds: [...this.props.decisionIds],
      },
    });
  }

  item(itemId: string): AgendaItem | null {
    return this.props.agenda.find((i) => i.itemId === itemId) ?? null;
  }

  private assertStatus(expected: MeetingStatus, what: string): void {
    if (this.props.status !== expected)
      throw new DomainError(
        'illegalTransition',
        `a meeting that is ${this.props.status} cannot ${what}: only a scheduled meeting can`,
        { currentStatus: this.props.status },
      );
  }

  /** At least one item, no ticket, need or decision twice; `field` names the list at fault from `offset` on. */
  private static assertAgenda(agenda: AgendaItem[], field: string, offset = 0): void {
    if (!agenda.length) throw invalidField(field, 'a meeting needs at least one agenda item');
    const seen = new Set<string>();
    const errors: { field: string; messages: string[] }[] = [];
    agenda.forEach((item, i) => {
      const subject = subjectOf(item);
      if (subject && seen.has(subject))
        errors.push({
          field: `${field}.${Math.max(0, i - offset)}`,
          messages: [`${subject} is on the agenda twice`],
        });
      if (subject) seen.add(subject);
      if (!item.title.trim())
        errors.push({ field: `${field}.${Math.max(0, i - offset)}.title`, messages: ['title is required'] });
    });
    if (errors.length) throw fieldProblem(errors);
  }

  private state(): MeetingScheduledPayload {
    const p = this.props;
    return {
      meetingId: p.id,
      title: p.title,
      startsAt: p.startsAt.toISOString(),
      place: p.place,
      convenorId: p.convenorId,
      convenorName: p.convenorName,
      agenda: p.agenda.map((i) => ({
        itemId: i.itemId,
        kind: i.kind,
        source: i.source,
        title: i.title,
        ticketId: i.ticketId,
        ticketNumber: i.ticketNumber,
        needId: i.needId,
        decisionId: i.decisionId,
        enterpriseId: i.enterpriseId,
      })),
      invitedDepartmentIds: [...p.invitedDepartmentIds],
      invitedEnterpriseIds: [...p.invitedEnterpriseIds],
    };
  }
}
