import { Actor, DomainError, OutreachEvents } from '@ticketing/contracts';
import { fieldProblem, FieldError } from '@ticketing/platform';
import { RecordedAggregate } from '../../shared/domain/recorded-change';
import { PlannedVisit } from './visit-plan';

export type TaskListStatus = 'draft' | 'published';

export interface TaskListProps {
  id: string;
  instructorUserId: string;
  instructorName: string;
  month: string;
  status: TaskListStatus;
  items: PlannedVisit[];
  /** Publications so far: 1 after the first, one more per revision of a published list. */
  revision: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export const MAX_ITEMS = 300;
export const MAX_TOPICS = 10;

function checkItems(items: PlannedVisit[]): void {
  const errors: FieldError[] = [];
  if (items.length > MAX_ITEMS)
    errors.push({ field: 'items', messages: [`at most ${MAX_ITEMS} enterprises a month`] });
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.enterpriseId))
      errors.push({ field: `items.${i}.enterpriseId`, messages: [`${item.enterpriseId} is listed twice`] });
    seen.add(item.enterpriseId);
    if (item.topics.length > MAX_TOPICS)
      errors.push({ field: `items.${i}.topics`, messages: [`at most ${MAX_TOPICS} topics`] });
    item.topics.forEach((t, j) => {
      if (!t.text.trim())
        errors.push({ field: `items.${i}.topics.${j}.text`, messages: ['a topic needs its text'] });
    });
  });
  if (errors.length) throw fieldProblem(errors);
}

const illegal = (action: string, status: TaskListStatus, why: string) =>
  new DomainError('illegalTransition', `cannot ${action} a task list that is ${status}: ${why}`, {
    action,
    currentStatus: status,
  });

/**
 * 任务清单: the enterprises one instructor is to visit in one month, with topics. The committee
 * drafts it (from the proposal of the visiting intervals), edits it and publishes it; from then on
 * the instructor sees it, and each revision is published again (outreach.task-list-published with
 * the revision), so the ledger always holds the plan in force.
 */
export class TaskList extends RecordedAggregate {
  private constructor(private props: TaskListProps) {
    super();
  }

  static draft(input: {
    id: string;
    instructor: { id: string; name: string };
    month: string;
    items: PlannedVisit[];
    actor: Actor;
    at: Date;
  }): TaskList {
    checkItems(input.items);
    return new TaskList({
      id: input.id,
      instructorUserId: input.instructor.id,
      instructorName: input.instructor.name,
      month: input.month,
      status: 'draft',
      items: input.items,
      revision: 0,
      version: 1,
      createdBy: input.actor.id,
      createdAt: input.at,
      updatedAt: input.at,
      publishedAt: null,
    });
  }

  static rehydrate(props: TaskListProps): TaskList {
    return new TaskList({ ...props, items: props.items.map((i) => ({ ...i, topics: [...i.topics] })) });
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }
  get status(): TaskListStatus {
    return this.props.status;
  }
  get instructorUserId(): string {
    return this.props.instructorUserId;
  }
  get month(): string {
    return this.props.month;
  }

  snapshot(): Readonly<TaskListProps> {
    return { ...this.props, items: this.props.items.map((i) => ({ ...i, topics: [...i.topics] })) };
  }

  plans(enterpriseId: string): boolean {
    return this.props.status === 'published' && this.props.items.some((i) => i.enterpriseId === enterpriseId);
  }

  assertVersion(expected: number): void {
    if (expected !== this.props.version) {
      throw new DomainError(
        'versionConflict',
        `the task list changed since you saw it (you saw version ${expected}; it is now version ${this.props.version}, ${this.props.status}); reload and try again`,
        { currentStatus: this.props.status, currentVersion: this.props.version, expectedVersion: expected },
      );
    }
  }

  /** A draft changes quietly; a published list is published again with the revision. */
  revise(items: PlannedVisit[], actor: Actor, at: Date): void {
    checkItems(items);
    this.props.items = items;
    this.props.version += 1;
    this.props.updatedAt = at;
    if (this.props.status === 'published') this.announce(actor, at);
  }

  publish(actor: Actor, at: Date): void {
    if (this.props.status === 'published') throw illegal('publish', 'published', 'revise it instead');
    this.props.status = 'published';
    this.props.version += 1;
    this.props.updatedAt = at;
    this.announce(actor, at);
  }

  private announce(actor: Actor, at: Date): void {
    this.props.revision += 1;
    this.props.publishedAt = at;
    this.record({
      eventType: OutreachEvents.taskListPublished,
      actor,
      at,
      version: this.props.version,
      payload: {
        taskListId: this.props.id,
        instructorUserId: this.props.instructorUserId,
        month: this.props.month,
        items: this.props.items.map((i) => ({
          enterpriseId: i.enterpriseId,
          enterpriseName: i.enterpriseName,
          gridId: i.gridId,
          reason: i.reason,
          topics: i.topics.map((t) => ({ ...t })),
        })),
        plannedCount: this.props.items.length,
        revision: this.props.revision,
      },
    });
  }
}
