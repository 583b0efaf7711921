import { Actor, AttachmentRef, OutreachEvents, Urgency, VisitMode } from '@ticketing/contracts';
import { fieldProblem, FieldError, invalidField } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';
import { monthOf } from '../../shared/domain/zone-time';

/** A problem the enterprise raised in the visit: it becomes a ticket on its behalf. */
export interface VisitProblem {
  index: number;
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  contact: { name: string; phone: string };
  location: string | null;
  photoIds: string[];
}

/** The ticket a problem became (ticket.submitted naming this visit). */
export interface VisitLink {
  problemIndex: number;
  ticketId: string;
  ticketNumber: string;
  linkedAt: Date;
}

export interface VisitInstructor {
  id: string;
  name: string;
  gridIds: string[];
}

export interface VisitProps {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  instructor: VisitInstructor;
  companions: string[];
  visitedAt: Date;
  month: string;
  mode: VisitMode;
  topics: string[];
  /** What was found: the instructor's notes, never shown to the enterprise. */
  findings: string;
  photos: AttachmentRef[];
  problems: VisitProblem[];
  needIds: string[];
  planned: boolean;
  taskListId: string | null;
  links: VisitLink[];
  version: number;
  recordedAt: Date;
}

export type RecordVisitInput = Omit<VisitProps, 'month' | 'links' | 'version' | 'recordedAt'> & { at: Date };

/** A phone may send a visit typed offline a while ago, never one from the future (5 minutes of clock drift allowed). */
export const FUTURE_SLACK_MS = 5 * 60_000;
export const OLDEST_DAYS = 366;
export const MAX_PROBLEMS = 20;

/**
 * 走访记录: an instructor's visit to an enterprise. Recorded once, with the problems raised (each
 * becomes a ticket in the ticket service, event-driven) and the needs added; afterwards only the
 * links to those tickets are added, as ticket.submitted reports them.
 */
export class Visit extends RecordedAggregate {
  private constructor(private props: VisitProps) {
    super();
  }

  static record(input: RecordVisitInput): Visit {
    const errors: FieldError[] = [];
    if (input.visitedAt.getTime() > input.at.getTime() + FUTURE_SLACK_MS)
      errors.push({ field: 'visitedAt', messages: ['cannot be in the future'] });
    if (input.visitedAt.getTime() < input.at.getTime() - OLDEST_DAYS * 86_400_000)
      errors.push({ field: 'visitedAt', messages: [`must be within the last ${OLDEST_DAYS} days`] });
    if (input.problems.length > MAX_PROBLEMS)
      errors.push({ field: 'problems', messages: [`at most ${MAX_PROBLEMS} problems a visit`] });
    const photoIds = new Set(input.photos.map((p) => p.id));
    input.problems.forEach((p, i) => {
      if (!p.title.trim()) errors.push({ field: `problems.${i}.title`, messages: ['title is required'] });
      if (!p.description.trim())
        errors.push({ field: `problems.${i}.description`, messages: ['description is required'] });
      if (!p.contact.name.trim())
        errors.push({ field: `problems.${i}.contact.name`, messages: ['contact.name is required'] });
      const stray = p.photoIds.filter((id) => !photoIds.has(id));
      if (stray.length)
        errors.push({
          field: `problems.${i}.photoIds`,
          messages: [`not among the visit’s photoIds: ${stray.join(', ')}`],
        });
    });
    input.topics.forEach((t, i) => {
      if (!t.trim()) errors.push({ field: `topics.${i}`, messages: ['a topic needs its text'] });
    });
    if (errors.length) throw fieldProblem(errors);

    const { at, ...rest } = input;
    const visit = new Visit({
      ...rest,
      topics: input.topics.map((t) => t.trim()),
      companions: input.companions.map((c) => c.trim()).filter(Boolean),
      findings: input.findings.trim(),
      problems: input.problems.map((p, index) => ({
        ...p,
        index,
        title: p.title.trim(),
        description: p.description.trim(),
        contact: { name: p.contact.name.trim(), phone: p.contact.phone.trim() },
        location: p.location?.trim() || null,
      })),
      month: monthOf(input.visitedAt),
      links: [],
      version: 1,
      recordedAt: at,
    });
    visit.announce(at);
    return visit;
  }

  static rehydrate(props: VisitProps): Visit {
    return new Visit(structuredClone(props));
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }

  snapshot(): Readonly<VisitProps> {
    return structuredClone(this.props);
  }

  /**
   * The ticket a problem became. Returns false when that link is already known (the same report
   * again). A problem holds one ticket: a second, different one is refused.
   */
  linkTicket(link: Omit<VisitLink, 'linkedAt'>, actor: Actor, at: Date): boolean {
    if (!this.props.problems.some((p) => p.index === link.problemIndex))
      throw invalidField('problemIndex', `visit ${this.props.id} has no problem ${link.problemIndex}`);
    const held = this.props.links.find((l) => l.problemIndex === link.problemIndex);
    if (held?.ticketId === link.ticketId) return false;
    if (held)
      throw invalidField(
        'problemIndex',
        `problem ${link.problemIndex} of visit ${this.props.id} is already ticket ${held.ticketNumber}`,
      );
    this.props.links.push({ ...link, linkedAt: at });
    this.props.links.sort((a, b) => a.problemIndex - b.problemIndex);
    this.props.version += 1;
    this.record({
      eventType: OutreachEvents.visitLinked,
      actor,
      at,
      version: this.props.version,
      payload: {
        visitId: this.props.id,
        problemIndex: link.problemIndex,
        ticketId: link.ticketId,
        ticketNumber: link.ticketNumber,
        enterpriseId: this.props.enterpriseId,
        gridId: this.props.gridId,
        instructorUserId: this.props.instructor.id,
        month: this.props.month,
      },
    });
    return true;
  }

  private announce(at: Date): void {
    const p = this.props;
    const photo = new Map(p.photos.map((ph) => [ph.id, ph]));
    this.record({
      eventType: OutreachEvents.visitRecorded,
      actor: { id: p.instructor.id, role: 'instructor' },
      at,
      version: p.version,
      payload: {
        visitId: p.id,
        enterpriseId: p.enterpriseId,
        enterpriseName: p.enterpriseName,
        gridId: p.gridId,
        instructor: { id: p.instructor.id, name: p.instructor.name, gridIds: [...p.instructor.gridIds] },
        companions: [...p.companions],
        visitedAt: p.visitedAt.toISOString(),
        month: p.month,
        mode: p.mode,
        topics: [...p.topics],
        planned: p.planned,
        taskListId: p.taskListId,
        problems: p.problems.map((pr) => ({
          index: pr.index,
          title: pr.title,
          description: pr.description,
          category: pr.category,
          urgency: pr.urgency,
          contact: { ...pr.contact },
          location: pr.location,
          photos: pr.photoIds.map((id) => ({ ...photo.get(id)! })),
        })),
        needIds: [...p.needIds],
        photoCount: p.photos.length,
      },
    });
  }
}
