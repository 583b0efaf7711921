import { Urgencies } from '../ticketing';
import type { Urgency } from '../ticketing';
import {
  Amount,
  Count,
  Flag,
  Id,
  Ids,
  Instant,
  Nested,
  NestedList,
  OneOf,
  optional,
  Text,
  Texts,
} from './payload-rules';
import { AttachmentRef, ContactRef } from './ticket.events';

/**
 * Events of the instructors' work (走访, 任务清单, 需求清单, 工作日志, 联系制度), on topic
 * ticketing.outreach.v1, keyed by the record's id (visit, task list, need, entry, enterprise).
 * Each carries what the ledger needs to score instructors (量化积分) without calling back:
 * the instructor, the enterprise and its grid, the month, what was planned and what was done.
 */
export const OutreachEvents = {
  liaisonsSet: 'outreach.liaisons-set',
  taskListPublished: 'outreach.task-list-published',
  visitRecorded: 'outreach.visit-recorded',
  visitLinked: 'outreach.visit-linked',
  needAdded: 'outreach.need-added',
  needUpdated: 'outreach.need-updated',
  workLogged: 'outreach.work-logged',
} as const;
export type OutreachEventType = (typeof OutreachEvents)[keyof typeof OutreachEvents];

/** 走访方式: in person, by phone, online (video, chat). */
export const VisitModes = ['on_site', 'phone', 'online'] as const;
export type VisitMode = (typeof VisitModes)[number];

/** What a 需求清单 item is about: none of them is a complaint. */
export const NeedKinds = ['project_application', 'hiring', 'financing', 'matching', 'other'] as const;
export type NeedKind = (typeof NeedKinds)[number];

export const NeedStatuses = ['open', 'in_progress', 'met', 'closed'] as const;
export type NeedStatus = (typeof NeedStatuses)[number];

/** 工作日志: a visit is logged by itself; the rest is added by hand. */
export const WorkLogKinds = ['visit', 'meeting', 'activity', 'training', 'paperwork', 'other'] as const;
export type WorkLogKind = (typeof WorkLogKinds)[number];

/** Why an enterprise is on a month's task list: a key enterprise, due by the visiting interval, or added by hand. */
export const TaskReasons = ['key_enterprise', 'due', 'added'] as const;
export type TaskReason = (typeof TaskReasons)[number];

/** A topic of a planned visit: a policy to explain, a problem to follow up, anything else. */
export const TaskTopicKinds = ['policy', 'follow_up', 'other'] as const;
export type TaskTopicKind = (typeof TaskTopicKinds)[number];

export class LiaisonLeaderRef {
  @Text() name!: string;
  @Text(optional) title!: string | null;
  @Text(optional) phone!: string | null;
  @Id(optional) userId!: string | null;
}

export class DepartmentLiaisonRef {
  @Id() departmentId!: string;
  @Text(optional) contactName!: string | null;
  @Text(optional) contactPhone!: string | null;
}

/** 联系制度 ("1 1 5"): who to call for an enterprise, and whether it is a key enterprise (重点企业). */
export class LiaisonsSetPayload {
  @Id() enterpriseId!: string;
  @Text() enterpriseName!: string;
  @Id(optional) gridId!: string | null;
  @Flag() keyEnterprise!: boolean;
  @Ids() instructorUserIds!: string[];
  @Nested(LiaisonLeaderRef, optional) leader!: LiaisonLeaderRef | null;
  @Nested(DepartmentLiaisonRef, optional) department!: DepartmentLiaisonRef | null;
}

export class TaskTopicRef {
  @OneOf(TaskTopicKinds) kind!: TaskTopicKind;
  @Text() text!: string;
}

export class PlannedVisitRef {
  @Id() enterpriseId!: string;
  @Text() enterpriseName!: string;
  @Id(optional) gridId!: string | null;
  @OneOf(TaskReasons) reason!: TaskReason;
  @NestedList(TaskTopicRef) topics!: TaskTopicRef[];
}

/** 任务清单: the month's visits given to one instructor; published again when the committee revises it. */
export class TaskListPublishedPayload {
  @Id() taskListId!: string;
  @Id() instructorUserId!: string;
  /** YYYY-MM, the zone's month (Asia/Shanghai). */
  @Text() month!: string;
  @NestedList(PlannedVisitRef) items!: PlannedVisitRef[];
  @Count() plannedCount!: number;
  /** 1 for the first publication, then one more per revision. */
  @Count() revision!: number;
}

export class VisitInstructorRef {
  @Id() id!: string;
  @Text() name!: string;
  /** The grids the instructor held when recording (their token's claim): the ticket service checks them. */
  @Ids() gridIds!: string[];
}

/** A problem raised in a visit; the ticket service submits one ticket for it. */
export class RaisedProblemRef {
  /** Its place in the visit (0-based): ticket.submitted names it back, so the link is exact. */
  @Count() index!: number;
  @Text() title!: string;
  @Text() description!: string;
  @Text() category!: string;
  @OneOf(Urgencies) urgency!: Urgency;
  @Nested(ContactRef) contact!: ContactRef;
  @Text(optional) location!: string | null;
  @NestedList(AttachmentRef) photos!: AttachmentRef[];
}

/**
 * 走访记录. The visit's internal notes (what was found) stay in the outreach service: the event
 * carries what others act on (the problems) and what the ledger counts.
 */
export class VisitRecordedPayload {
  @Id() visitId!: string;
  @Id() enterpriseId!: string;
  @Text() enterpriseName!: string;
  @Id(optional) gridId!: string | null;
  @Nested(VisitInstructorRef) instructor!: VisitInstructorRef;
  @Texts() companions!: string[];
  @Instant() visitedAt!: string;
  /** YYYY-MM of visitedAt in the zone's time (Asia/Shanghai). */
  @Text() month!: string;
  @OneOf(VisitModes) mode!: VisitMode;
  @Texts() topics!: string[];
  /** On the instructor's published task list for that month. */
  @Flag() planned!: boolean;
  @Id(optional) taskListId!: string | null;
  @NestedList(RaisedProblemRef) problems!: RaisedProblemRef[];
  /** Needs (需求清单) added from this visit, each also announced as outreach.need-added. */
  @Ids() needIds!: string[];
  @Count() photoCount!: number;
}

/** A ticket submitted for a problem of the visit: the link both ways is now known. */
export class VisitLinkedPayload {
  @Id() visitId!: string;
  @Count() problemIndex!: number;
  @Id() ticketId!: string;
  @Text() ticketNumber!: string;
  @Id() enterpriseId!: string;
  @Id(optional) gridId!: string | null;
  @Id() instructorUserId!: string;
  @Text() month!: string;
}

export class NeedAddedPayload {
  @Id() needId!: string;
  @Id() enterpriseId!: string;
  @Text() enterpriseName!: string;
  @Id(optional) gridId!: string | null;
  @OneOf(NeedKinds) kind!: NeedKind;
  @Text() title!: string;
  @Text() description!: string;
  @OneOf(NeedStatuses) status!: NeedStatus;
  @Id(optional) ownerDepartmentId!: string | null;
  @Id(optional) ownerUserId!: string | null;
  @Id(optional) ticketId!: string | null;
  @Id(optional) visitId!: string | null;
  /** The instructor who collected it (from a visit or by hand); null when the enterprise or the committee added it. */
  @Id(optional) instructorUserId!: string | null;
}

export class NeedUpdatedPayload {
  @Id() needId!: string;
  @Id() enterpriseId!: string;
  @Id(optional) gridId!: string | null;
  @OneOf(NeedKinds) kind!: NeedKind;
  @OneOf(NeedStatuses) status!: NeedStatus;
  @OneOf(NeedStatuses) previousStatus!: NeedStatus;
  @Id(optional) ownerDepartmentId!: string | null;
  @Id(optional) ownerUserId!: string | null;
  @Id(optional) ticketId!: string | null;
  @Id(optional) instructorUserId!: string | null;
  @Text(optional) note!: string | null;
}

/** 工作日志: work other than visits, added by the instructor. */
export class WorkLoggedPayload {
  @Id() entryId!: string;
  @Id() instructorUserId!: string;
  /** YYYY-MM-DD, the zone's day. */
  @Text() day!: string;
  @Text() month!: string;
  @OneOf(WorkLogKinds) kind!: WorkLogKind;
  @Text() title!: string;
  @Id(optional) enterpriseId!: string | null;
  @Amount(optional) hours!: number | null;
}

export const OutreachEventPayloads = {
  [OutreachEvents.liaisonsSet]: LiaisonsSetPayload,
  [OutreachEvents.taskListPublished]: TaskListPublishedPayload,
  [OutreachEvents.visitRecorded]: VisitRecordedPayload,
  [OutreachEvents.visitLinked]: VisitLinkedPayload,
  [OutreachEvents.needAdded]: NeedAddedPayload,
  [OutreachEvents.needUpdated]: NeedUpdatedPayload,
  [OutreachEvents.workLogged]: WorkLoggedPayload,
} as const;
