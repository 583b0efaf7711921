import { Actor, OutreachEvents, WorkLogKind } from '@ticketing/contracts';
import { fieldProblem, FieldError } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';
import { addMonths, dayOf, isRealDay } from '../../shared/domain/zone-time';

export interface WorkLogEntryProps {
  id: string;
  instructorUserId: string;
  /** YYYY-MM-DD, the zone's day. */
  day: string;
  kind: Exclude<WorkLogKind, 'visit'>;
  title: string;
  content: string;
  enterpriseId: string | null;
  hours: number | null;
  createdAt: Date;
  version: number;
}

/**
 * 工作日志: a line of an instructor's day other than a visit (visits fill the log by themselves).
 * Written once: a log is a record of the day, not a draft.
 */
export class WorkLogEntry extends RecordedAggregate {
  private constructor(private readonly props: WorkLogEntryProps) {
    super();
  }

  static log(
    input: Omit<WorkLogEntryProps, 'createdAt' | 'version'> & { at: Date; actor: Actor },
  ): WorkLogEntry {
    const errors: FieldError[] = [];
    const today = dayOf(input.at);
    if (!isRealDay(input.day))
      errors.push({ field: 'day', messages: ['must be a calendar day (YYYY-MM-DD)'] });
    else if (input.day > today) errors.push({ field: 'day', messages: ['cannot be in the future'] });
    else if (input.day.slice(0, 7) < addMonths(today.slice(0, 7), -12))
      errors.push({ field: 'day', messages: ['must be within the last 12 months'] });
    if (!input.title.trim()) errors.push({ field: 'title', messages: ['title is required'] });
    if (
      input.hours !== null &&
      !(input.hours > 0 && input.hours <= 24 && Math.round(input.hours * 10) === input.hours * 10)
    )
      errors.push({ field: 'hours', messages: ['must be more than 0 and at most 24, in tenths'] });
    if (errors.length) throw fieldProblem(errors);
    const { at, actor, ...rest } = input;
    const entry = new WorkLogEntry({
      ...rest,
      title: input.title.trim(),
      content: input.content.trim(),
      createdAt: at,
      version: 1,
    });
    const p = entry.props;
    entry.record({
      eventType: OutreachEvents.workLogged,
      actor,
      at,
      version: 1,
      payload: {
        entryId: p.id,
        instructorUserId: p.instructorUserId,
        day: p.day,
        month: p.day.slice(0, 7),
        kind: p.kind,
        title: p.title,
        enterpriseId: p.enterpriseId,
        hours: p.hours,
      },
    });
    return entry;
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }

  snapshot(): Readonly<WorkLogEntryProps> {
    return { ...this.props };
  }
}
