import {
  Actor,
  DecisionOutcome,
  DecisionProgressKind,
  DomainError,
  MeetingEvents,
} from '@ticketing/contracts';
import { fieldProblem } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';
import { assertSeenVersion, requiredText } from '../../shared/domain/version';

/** open → done (the lead reported it done; its clock stopped) → closed by the committee; open → closed too. */
export type DecisionStatus = 'open' | 'done' | 'closed';

/** The most working days a decision may name (the SLA engine's bound too). */
export const MAX_DUE_WORKING_DAYS = 3650;

export interface DecisionReport {
  departmentId: string;
  progress: DecisionProgressKind;
  report: string;
  at: string;
  byId: string;
}

/** What the SLA engine says of the decision's clock (kept on the decision, not a change of it). */
export interface DecisionClock {
  dueAt: Date | null;
  flag: 'yellow' | 'red' | null;
  escalation: string | null;
}

export interface DecisionProps {
  id: string;
  meetingId: string;
  itemId: string;
  ticketId: string | null;
  needId: string | null;
  enterpriseId: string | null;
  title: string;
  task: string;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  dueWorkingDays: number;
  cooperation: boolean;
  decidedAt: Date;
  status: DecisionStatus;
  reports: DecisionReport[];
  outcome: DecisionOutcome | null;
  closeNote: string | null;
  closedAt: Date | null;
  reportedAtMeetingId: string | null;
  clock: DecisionClock;
  version: number;
}

export type DecisionInput = Pick<
  DecisionProps,
  | 'id'
  | 'meetingId'
  | 'itemId'
  | 'ticketId'
  | 'needId'
  | 'enterpriseId'
  | 'title'
  | 'task'
  | 'leadDepartmentId'
  | 'coHandlerDepartmentIds'
  | 'dueWorkingDays'
  | 'cooperation'
  | 'decidedAt'
>;

/**
 * A decision of a joint meeting (议定事项): who does what by when. Tracked like a ticket: the lead
 * department answers for it and its clock (run by the SLA engine, due its working days after the
 * meeting); co-handlers report their parts; the lead reports it done; the committee closes it,
 * usually at the next meeting, where its outcome is reported (solved, unsolved, withdrawn).
 * `field` prefixes name the request's fields (decisions.<n>.…) when made from a meeting's record.
 */
export class Decision extends RecordedAggregate {
  private constructor(private props: DecisionProps) {
    super();
  }

  static make(input: DecisionInput, actor: Actor, field = ''): Decision {
    const f = (name: string) => (field ? `${field}.${name}` : name);
    const errors: { field: string; messages: string[] }[] = [];
    if (!input.task.trim())
      errors.push({ field: f('task'), messages: ['task is required: what must be done'] });
    if (!input.title.trim()) errors.push({ field: f('title'), messages: ['title is required'] });
    input.coHandlerDepartmentIds.forEach((d, i) => {
      if (d === input.leadDepartmentId)
        errors.push({
          field: f(`coHandlerDepartmentIds.${i}`),
          messages: ['the lead department is not its own co-handler'],
        });
      else if (input.coHandlerDepartmentIds.indexOf(d) !== i)
        errors.push({ field: f(`coHandlerDepartmentIds.${i}`), messages: [`${d} is named twice`] });
    });
    if (
      !Number.isInteger(input.dueWorkingDays) ||
      input.dueWorkingDays < 1 ||
      input.dueWorkingDays > MAX_DUE_WORKING_DAYS
    )
      errors.push({
        field: f('dueWorkingDays'),
        messages: [`dueWorkingDays must be a whole number from 1 to ${MAX_DUE_WORKING_DAYS}`],
      });
    if (errors.length) throw fieldProblem(errors);
    const d = new Decision({
      ...input,
      title: input.title.trim(),
      task: input.task.trim(),
      coHandlerDepartmentIds: [...input.coHandlerDepartmentIds],
      status: 'open',
      reports: [],
      outcome: null,
      closeNote: null,
      closedAt: null,
      reportedAtMeetingId: null,
      clock: { dueAt: null, flag: null, escalation: null },
      version: 1,
    });
    const p = d.props;
    d.record({
      eventType: MeetingEvents.decisionMade,
      actor,
      at: input.decidedAt,
      version: 1,
      payload: {
        decisionId: p.id,
        meetingId: p.meetingId,
        itemId: p.itemId,
        ticketId: p.ticketId,
        needId: p.needId,
        enterpriseId: p.enterpriseId,
        title: p.title,
        task: p.task,
        leadDepartmentId: p.leadDepartmentId,
        coHandlerDepartmentIds: [...p.coHandlerDepartmentIds],
        dueWorkingDays: p.dueWorkingDays,
        cooperation: p.cooperation,
        decidedAt: p.decidedAt.toISOString(),
      },
    });
    return d;
  }

  static rehydrate(props: DecisionProps): Decision {
    return new Decision({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }

  snapshot(): Readonly<DecisionProps> {
    return { ...this.props };
  }

  assertVersion(expected: number): void {
    assertSeenVersion('decision', this.props, expected);
  }

  /** The lead or a co-handler says what was done; the lead's `done` stops the clock (status done). */
  report(departmentId: string, progress: DecisionProgressKind, text: string, actor: Actor, at: Date): void {
    const p = this.props;
    const lead = departmentId === p.leadDepartmentId;
    if (!lead && !p.coHandlerDepartmentIds.includes(departmentId))
      throw new DomainError('forbidden', 'only the lead and co-handling departments report on a decision');
    if (p.status === 'closed')
      throw new DomainError('illegalTransition', 'the decision is closed: nothing more is reported on it', {
        currentStatus: p.status,
      });
    if (lead && p.status === 'done')
      throw new DomainError(
        'illegalTransition',
        'the lead already reported the decision done; the committee closes it (usually at the next meeting)',
        { currentStatus: p.status },
      );
    const report = requiredText('report', text);
    this.props = {
      ...p,
      status: lead && progress === 'done' ? 'done' : p.status,
      reports: [...p.reports, { departmentId, progress, report, at: at.toISOString(), byId: actor.id }],
      version: p.version + 1,
    };
    this.record({
      eventType: MeetingEvents.decisionReported,
      actor,
      at,
      version: this.props.version,
      payload: { decisionId: p.id, meetingId: p.meetingId, departmentId, progress, report },
    });
  }

  /** The committee closes it with its outcome, naming the meeting where the outcome was reported, if any. */
  close(
    outcome: DecisionOutcome,
    note: string,
    reportedAtMeetingId: string | null,
    actor: Actor,
    at: Date,
  ): void {
    const p = this.props;
    if (p.status === 'closed')
      throw new DomainError('illegalTransition', `the decision is already closed (${p.outcome})`, {
        currentStatus: p.status,
      });
    if (reportedAtMeetingId === p.meetingId)
      throw fieldProblem([
        {
          field: 'meetingId',
          messages: ['a decision is reported at a later meeting than the one that made it'],
        },
      ]);
    const text = requiredText('note', note);
    this.props = {
      ...p,
      status: 'closed',
      outcome,
      closeNote: text,
      closedAt: at,
      reportedAtMeetingId,
      version: p.version + 1,
    };
    this.record({
      eventType: MeetingEvents.decisionClosed,
      actor,
      at,
      version: this.props.version,
      payload: { decisionId: p.id, meetingId: p.meetingId, outcome, note: text, reportedAtMeetingId },
    });
  }

  /** The latest progress the lead reported (null: none yet). */
  get leadProgress(): DecisionProgressKind | null {
    return (
      [...this.props.reports].reverse().find((r) => r.departmentId === this.props.leadDepartmentId)
        ?.progress ?? null
    );
  }
}
