import {
  Actor,
  AttachmentRef,
  CloseOutcome,
  DomainError,
  EventPayloads,
  FeedbackSource,
  MessageAuthor,
  Satisfaction,
  TicketChannel,
  TicketEventBase,
  TicketEvents,
  TicketEventType,
  TicketStatus,
  Urgency,
} from '@ticketing/contracts';
import { illegalTransition, invalid, versionConflict } from './ticket.errors';
import { TicketAction, TRANSITIONS } from './ticket-state-machine';
import { TicketReasonCode, TicketReasonCodes } from './ticket-reason-codes';

export interface CoHandlerPart {
  departmentId: string;
  content: string | null;
  reportedAt: Date | null;
  reportedBy: string | null;
}

export interface PendingExtension {
  departmentId: string;
  reason: string;
  proposedDueAt: Date;
  requestedAt: Date;
}

export interface Resolution {
  departmentId: string;
  result: string;
  evidence: AttachmentRef[];
  resolvedAt: Date;
}

export interface Feedback {
  contacted: boolean;
  solved: boolean;
  satisfaction: Satisfaction;
  comment: string | null;
  givenAt: Date;
  /** The enterprise itself, or the committee on a callback (回访). */
  via: FeedbackSource;
}

/** 补充材料: the one question to the enterprise that waits for its answer. */
export interface InformationRequest {
  id: string;
  departmentId: string;
  question: string;
  askedBy: string;
  askedAt: Date;
}

/** 承办人: the person inside the lead department who works the ticket. */
export interface TicketHandler {
  userId: string;
  name: string;
}

/** The latest answer the lead gave the enterprise (a duplicate merged later gets it too). */
export interface LastReply {
  departmentId: string;
  message: string;
  at: Date;
}

/** A ticket merged into this one as a duplicate. */
export interface DuplicateRef {
  ticketId: string;
  number: string;
  enterpriseId: string;
}

/** Who may submit: the enterprise, an instructor for it, or committee staff logging a call, a visit or a letter. */
export type SubmitterRole = 'enterprise' | 'instructor' | 'committee';

/** 受理渠道 that committee staff log on an enterprise's behalf. */
export const StaffChannels = [
  'phone',
  'walk_in',
  'group_chat',
  'letter',
] as const satisfies readonly TicketChannel[];

/** What a duplicate needs to know of the main ticket it merges into. */
export interface MainTicketView {
  id: string;
  number: string;
  status: TicketStatus;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  mergedInto: { ticketId: string; number: string } | null;
  resolution: Resolution | null;
  repliedThisRound: boolean;
  lastReply: LastReply | null;
}

/** An answer given on a main ticket that its duplicates receive as their own. */
export type FollowedAnswer =
  | { kind: 'interimReply'; departmentId: string; message: string }
  | { kind: 'reply'; departmentId: string; message: string }
  | { kind: 'resolve'; departmentId: string; result: string; evidence: AttachmentRef[] };

export interface TicketProps {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  submittedBy: { id: string; role: SubmitterRole };
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  location: string | null;
  contact: { name: string; phone: string };
  attachments: AttachmentRef[];
  /** 受理渠道: the web form, an instructor's visit (then `visitId` names it), or what committee staff logged. */
  channel: TicketChannel;
  visitId: string | null;
  status: TicketStatus;
  leadDepartmentId: string | null;
  firstHandlerDepartmentId: string | null;
  coHandlers: CoHandlerPart[];
  /** Whether the current lead has signed for it since it was last (re)assigned; decides where a rejected transfer goes. */
  acknowledgedSinceAssign: boolean;
  pendingExtension: PendingExtension | null;
  resolution: Resolution | null;
  /** The lead has answered the enterprise since the ticket was last acknowledged. */
  repliedThisRound: boolean;
  /** Feedback on the current resolution; cleared by reopen. */
  feedback: Feedback | null;
  reopenCount: number;
  closeOutcome: CloseOutcome | null;
  /** The question waiting for the enterprise's answer (one at a time). */
  openInformationRequest: InformationRequest | null;
  handler: TicketHandler | null;
  lastReply: LastReply | null;
  /** Set on a duplicate: the main ticket it was merged into (kept after it leaves it, as a record). */
  mergedInto: { ticketId: string; number: string } | null;
  /** A merged duplicate receives the main ticket's answers until it is reopened on its own. */
  followsMain: boolean;
  /** Set on a main ticket: the duplicates merged into it. */
  duplicates: DuplicateRef[];
  /** Related tickets (one incident reported by several enterprises), each on its own course. */
  relatedTicketIds: string[];
  submittedAt: Date;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** What an event of the given type carries besides the ticket's base fields (which record adds). */
export type OwnFields<T extends TicketEventType> = Omit<EventPayloads[T], keyof TicketEventBase>;

/** One thing that happened: becomes a timeline step and an outbox event, in one transaction. */
export interface TicketChangeOf<T extends TicketEventType> {
  action: TicketAction | 'submit';
  eventType: T;
  actor: Actor;
  at: Date;
  /** What a person wrote (a reason, a message, a note); null when the ticket wrote the step itself. */
  reason: string | null;
  /** A step the ticket wrote itself: a code the reader renders in its language, with its parameters. */
  reasonCode: TicketReasonCode | null;
  reasonParams: Record<string, string | number | boolean | null> | null;
  statusFrom: TicketStatus | null;
  /** The event payload: the base fields (as they are after this change) plus the event's own. */
  payload: EventPayloads[T];
  version: number;
}
export type TicketChange = { [T in TicketEventType]: TicketChangeOf<T> }[TicketEventType];

export interface SubmitTicketInput {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  submittedBy: Actor & { role: SubmitterRole };
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  location: string | null;
  contact: { name: string; phone: string };
  attachments: AttachmentRef[];
  /** Absent: the web form (or the visit, when one is named). Committee staff name one of StaffChannels. */
  channel?: TicketChannel;
  /** For a problem raised in a visit: the visit and the problem's place in it. */
  visit?: { id: string; problemIndex: number } | null;
  at: Date;
}

export interface AssignInput {
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  via: 'rule' | 'manual';
  ruleId: string | null;
  explanation: string;
}

export interface TransferDecisionInput {
  approved: boolean;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  note: string;
}

/**
 * The ticket aggregate: the lifecycle of DOMAIN.md and the rules of joint handling, extension,
 * feedback and reopening. Who may call each method is the access policy's business; this class
 * decides whether the ticket, as it is, allows it. Every accepted change bumps the version by one.
 */
export class Ticket {
  private changes: TicketChange[] = [];

  private constructor(private props: TicketProps) {}

  static rehydrate(props: TicketProps): Ticket {
    return new Ticket(copy(props));
  }

  static submit(input: SubmitTicketInput): Ticket {
    const channel = input.channel ?? (input.visit ? 'visit' : 'web');
    if ((channel === 'visit') !== !!input.visit)
      throw invalid('visitId', 'a ticket from a visit names its visit, and only such a ticket does');
    const staff = (StaffChannels as readonly string[]).includes(channel);
    if (input.submittedBy.role === 'committee' && !staff)
      throw invalid('channel', `committee staff log a ticket received by ${StaffChannels.join(', ')}`);
    if (input.submittedBy.role !== 'committee' && staff)
      throw invalid('channel', `only committee staff log tickets received by ${channel}`);
    const t = new Ticket({
      id: input.id,
      number: input.number,
      enterpriseId: input.enterpriseId,
      enterpriseName: input.enterpriseName,
      gridId: input.gridId,
      submittedBy: { id: input.submittedBy.id, role: input.submittedBy.role },
      title: input.title,
      description: input.description,
      category: input.category,
      urgency: input.urgency,
      location: input.location,
      contact: input.contact,
      attachments: input.attachments,
      channel,
      visitId: input.visit?.id ?? null,
      status: 'submitted',
      leadDepartmentId: null,
      firstHandlerDepartmentId: null,
      coHandlers: [],
      acknowledgedSinceAssign: false,
      pendingExtension: null,
      resolution: null,
      repliedThisRound: false,
      feedback: null,
      reopenCount: 0,
      closeOutcome: null,
      openInformationRequest: null,
      handler: null,
      lastReply: null,
      mergedInto: null,
      followsMain: false,
      duplicates: [],
      relatedTicketIds: [],
      submittedAt: input.at,
      closedAt: null,
      updatedAt: input.at,
      version: 0,
    });
    t.record('submit', TicketEvents.submitted, input.submittedBy, input.at, null, null, {
      enterpriseName: input.enterpriseName,
      submittedBy: { id: input.submittedBy.id, role: input.submittedBy.role },
      title: input.title,
      description: input.description,
      location: input.location,
      contact: input.contact,
      attachments: input.attachments,
      submittedAt: input.at.toISOString(),
      channel,
      ...(input.visit ? { visitId: input.visit.id, visitProblemIndex: input.visit.problemIndex } : {}),
    });
    return t;
  }

  get id(): string {
    return this.props.id;
  }
  get status(): TicketStatus {
    return this.props.status;
  }
  get version(): number {
    return this.props.version;
  }
  get leadDepartmentId(): string | null {
    return this.props.leadDepartmentId;
  }
  get coHandlerDepartmentIds(): string[] {
    return this.props.coHandlers.map((p) => p.departmentId);
  }
  get enterpriseId(): string {
    return this.props.enterpriseId;
  }
  get gridId(): string | null {
    return this.props.gridId;
  }

  get number(): string {
    return this.props.number;
  }
  get duplicates(): readonly DuplicateRef[] {
    return this.props.duplicates;
  }
  get relatedTicketIds(): readonly string[] {
    return this.props.relatedTicketIds;
  }

  snapshot(): Readonly<TicketProps> {
    return copy(this.props);
  }

  /** What a duplicate merging into this ticket needs to know of it. */
  asMain(): MainTicketView {
    const p = this.props;
    return {
      id: p.id,
      number: p.number,
      status: p.status,
      leadDepartmentId: p.leadDepartmentId,
      coHandlerDepartmentIds: this.coHandlerDepartmentIds,
      mergedInto: p.mergedInto,
      resolution: p.resolution,
      repliedThisRound: p.repliedThisRound,
      lastReply: p.lastReply,
    };
  }

  /** The changes since load, in order; the repository persists them and the outbox carries them. */
  pullChanges(): TicketChange[] {
    return this.changes.splice(0);
  }

  /**
   * The answers given in the changes not yet saved, in order: what this ticket's merged duplicates
   * receive as their own (its interim replies, replies and resolution).
   */
  answersForDuplicates(): FollowedAnswer[] {
    if (!this.props.duplicates.length) return [];
    return this.changes.flatMap((c): FollowedAnswer[] => {
      switch (c.eventType) {
        case TicketEvents.interimReplied:
          return [{ kind: 'interimReply', departmentId: this.lead(), message: c.payload.reason }];
        case TicketEvents.replied:
          return [{ kind: 'reply', departmentId: c.payload.departmentId, message: c.payload.message }];
        case TicketEvents.resolved:
          return [
            {
              kind: 'resolve',
              departmentId: c.payload.departmentId,
              result: c.payload.result,
              evidence: c.payload.evidence,
            },
          ];
        default:
          return [];
      }
    });
  }

  assertVersion(expected: number): void {
    if (expected !== this.props.version)
      throw versionConflict(expected, this.props.version, this.props.status);
  }

  queueTriage(actor: Actor, explanation: string, at: Date): void {
    this.guard('queueTriage');
    this.moveTo('queueTriage', 'triage', TicketEvents.triageQueued, actor, at, explanation, {
      departmentId: null,
      reason: explanation,
    });
  }

  assign(actor: Actor, input: AssignInput, at: Date): void {
    this.guard('assign');
    this.props.leadDepartmentId = input.leadDepartmentId;
    this.props.firstHandlerDepartmentId ??= input.leadDepartmentId;
    this.setCoHandlers(input.coHandlerDepartmentIds);
    this.props.acknowledgedSinceAssign = false;
    this.moveTo('assign', 'assigned', TicketEvents.assigned, actor, at, input.explanation, {
      via: input.via,
      ruleId: input.ruleId,
      previousLeadDepartmentId: null,
      firstHandlerDepartmentId: this.props.firstHandlerDepartmentId,
    });
  }

  withdraw(actor: Actor, reason: string, at: Date): void {
    this.guard('withdraw');
    if (this.props.duplicates.length)
      throw illegalTransition(
        'withdraw',
        this.props.status,
        "other enterprises' tickets were merged into this one and follow it; ask the committee",
      );
    this.props.closedAt = at;
    this.props.closeOutcome = 'withdrawn';
    this.moveTo('withdraw', 'withdrawn', TicketEvents.withdrawn, actor, at, reason, {
      departmentId: null,
      reason,
    });
  }

  acknowledge(actor: Actor, note: string | null, at: Date): void {
    this.guard('acknowledge');
    this.props.acknowledgedSinceAssign = true;
    // A fresh sign-for (after assignment, transfer or reopen) starts a fresh round of answers.
    this.props.repliedThisRound = false;
    this.moveTo('acknowledge', 'in_progress', TicketEvents.acknowledged, actor, at, note, {
      departmentId: this.props.leadDepartmentId,
      reason: note ?? '',
    });
  }

  requestTransfer(actor: Actor, reason: string, at: Date): void {
    this.guard('requestTransfer');
    this.assertOwnCourse('requestTransfer');
    if (!reason.trim()) throw invalid('reason', 'a transfer request needs a reason');
    this.moveTo('requestTransfer', 'transfer_requested', TicketEvents.transferRequested, actor, at, reason, {
      departmentId: this.props.leadDepartmentId,
      reason,
    });
  }

  /** The committee's decision, arriving from dispatch. Final: no appeal inside the ticket. */
  decideTransfer(actor: Actor, input: TransferDecisionInput, at: Date): void {
    if (input.approved) {
      this.guard('approveTransfer');
      if (!input.leadDepartmentId)
        throw invalid('leadDepartmentId', 'an approved transfer names the new lead');
      const previous = this.props.leadDepartmentId;
      this.props.leadDepartmentId = input.leadDepartmentId;
      this.setCoHandlers(input.coHandlerDepartmentIds);
      this.props.acknowledgedSinceAssign = false;
      this.props.pendingExtension = null; // the new lead asks for its own time
      this.props.handler = null; // a person of the former lead
      this.moveTo('approveTransfer', 'assigned', TicketEvents.assigned, actor, at, input.note, {
        via: 'transfer',
        ruleId: null,
        previousLeadDepartmentId: previous,
        firstHandlerDepartmentId: this.props.firstHandlerDepartmentId ?? previous ?? input.leadDepartmentId,
      });
      return;
    }
    this.guard('rejectTransfer');
    const back: TicketStatus = this.props.acknowledgedSinceAssign ? 'in_progress' : 'assigned';
    this.moveTo('rejectTransfer', back, TicketEvents.transferRejected, actor, at, input.note, {
      departmentId: this.props.leadDepartmentId,
      reason: input.note,
    });
  }

  interimReply(actor: Actor, message: string, at: Date): void {
    this.guard('interimReply');
    this.assertOwnCourse('interimReply');
    this.moveTo('interimReply', this.props.status, TicketEvents.interimReplied, actor, at, message, {
      departmentId: this.props.leadDepartmentId,
      reason: message,
    });
  }

  /** `currentDueAt`: the resolve deadline in force, when the SLA engine has announced one. */
  requestExtension(
    actor: Actor,
    input: { reason: string; proposedDueAt: Date; currentDueAt?: Date | null },
    at: Date,
  ): void {
    this.guard('requestExtension');
    this.assertOwnCourse('requestExtension');
    if (this.props.pendingExtension) {
      throw illegalTransition(
        'requestExtension',
        this.props.status,
        'an extension request is already waiting for the committee',
      );
    }
    if (input.proposedDueAt.getTime() <= at.getTime())
      throw invalid('proposedDueAt', 'must be in the future');
    if (input.currentDueAt && input.proposedDueAt.getTime() <= input.currentDueAt.getTime())
      throw invalid(
        'proposedDueAt',
        `must be later than the current resolve deadline (${input.currentDueAt.toISOString()})`,
      );
    this.props.pendingExtension = {
      departmentId: this.props.leadDepartmentId!,
      reason: input.reason,
      proposedDueAt: input.proposedDueAt,
      requestedAt: at,
    };
    this.moveTo(
      'requestExtension',
      this.props.status,
      TicketEvents.extensionRequested,
      actor,
      at,
      input.reason,
      {
        departmentId: this.lead(),
        reason: input.reason,
        proposedDueAt: input.proposedDueAt.toISOString(),
      },
    );
  }

  decideExtension(
    actor: Actor,
    input: { approved: boolean; note: string | null; newDueAt: Date | null; currentDueAt?: Date | null },
    at: Date,
  ): void {
    this.guard('decideExtension');
    const pending = this.props.pendingExtension;
    if (!pending)
      throw illegalTransition('decideExtension', this.props.status, 'no extension request is waiting');
    const newDueAt = input.approved ? (input.newDueAt ?? pending.proposedDueAt) : null;
    if (newDueAt && newDueAt.getTime() <= at.getTime()) throw invalid('newDueAt', 'must be in the future');
    // An "extension" to an earlier time would be ignored by the SLA engine while the timeline said approved.
    if (newDueAt && input.currentDueAt && newDueAt.getTime() <= input.currentDueAt.getTime())
      throw invalid(
        'newDueAt',
        `must be later than the current resolve deadline (${input.currentDueAt.toISOString()})`,
      );
    this.props.pendingExtension = null;
    this.moveTo('decideExtension', this.props.status, TicketEvents.extensionDecided, actor, at, input.note, {
      approved: input.approved,
      newDueAt: newDueAt?.toISOString() ?? null,
      note: input.note,
    });
  }

  reportPart(actor: Actor, departmentId: string, content: string, at: Date): void {
    this.guard('reportPart');
    this.assertOwnCourse('reportPart');
    const part = this.props.coHandlers.find((p) => p.departmentId === departmentId);
    if (!part)
      throw illegalTransition(
        'reportPart',
        this.props.status,
        `department ${departmentId} is not a co-handler`,
      );
    part.content = content;
    part.reportedAt = at;
    part.reportedBy = actor.id;
    this.moveTo('reportPart', this.props.status, TicketEvents.partReported, actor, at, content, {
      departmentId,
      content,
    });
  }

  /**
   * Joint handling: the lead answers for the whole ticket, so it may resolve only once every
   * co-handler has reported its part (泉州: co-handlers report to the lead first). A question to
   * the enterprise still unanswered ends with the resolution (it can no longer be answered).
   */
  resolve(actor: Actor, input: { result: string; evidence: AttachmentRef[] }, at: Date): void {
    this.assertCanResolve();
    this.props.resolution = {
      departmentId: this.props.leadDepartmentId!,
      result: input.result,
      evidence: input.evidence,
      resolvedAt: at,
    };
    this.props.pendingExtension = null; // finished: nothing left to extend
    this.props.openInformationRequest = null;
    this.moveTo('resolve', 'resolved', TicketEvents.resolved, actor, at, input.result, {
      departmentId: this.lead(),
      result: input.result,
      evidence: input.evidence,
    });
  }

  assertCanResolve(): void {
    this.guard('resolve');
    this.assertOwnCourse('resolve');
    const missing = this.props.coHandlers.filter((p) => !p.reportedAt).map((p) => p.departmentId);
    if (missing.length) {
      throw illegalTransition(
        'resolve',
        this.props.status,
        `co-handlers have not reported their part yet: ${missing.join(', ')}`,
      );
    }
  }

  reply(actor: Actor, message: string, at: Date): void {
    this.guard('reply');
    this.assertOwnCourse('reply');
    this.props.repliedThisRound = true;
    this.props.lastReply = { departmentId: this.lead(), message, at };
    this.moveTo('reply', this.props.status, TicketEvents.replied, actor, at, message, {
      departmentId: this.lead(),
      message,
    });
  }

  /**
   * 100%限期反馈: the enterprise rates an answer, so feedback needs a reply from the lead in this
   * round (before or after resolving). Satisfied or basically satisfied closes the ticket at once;
   * unsatisfied leaves it resolved so the owner can reopen it (or close it).
   */
  giveFeedback(actor: Actor, input: Omit<Feedback, 'givenAt' | 'via'>, at: Date): void {
    this.guard('giveFeedback');
    this.assertNotRated('giveFeedback');
    if (!this.props.repliedThisRound) {
      throw illegalTransition(
        'giveFeedback',
        this.props.status,
        'the lead department has not replied to the enterprise yet',
      );
    }
    this.rate('giveFeedback', actor, { ...input, via: 'enterprise' }, at);
  }

  /**
   * 回访: the enterprise did not rate within its feedback window (`feedbackLapsed`, from the SLA
   * engine's breach), so the committee calls it and records its answers on its behalf. The same
   * consequences as the enterprise's own rating; marked as a callback everywhere. No reply is
   * needed first: the call itself asks whether the enterprise was contacted.
   */
  recordCallback(
    actor: Actor,
    input: Omit<Feedback, 'givenAt' | 'via'>,
    feedbackLapsed: boolean,
    at: Date,
  ): void {
    this.guard('recordCallback');
    this.assertNotRated('recordCallback');
    if (!feedbackLapsed)
      throw illegalTransition(
        'recordCallback',
        this.props.status,
        "the enterprise's feedback window has not lapsed yet; until it does, the enterprise rates itself",
      );
    this.rate('recordCallback', actor, { ...input, via: 'callback' }, at);
  }

  private assertNotRated(action: TicketAction): void {
    if (this.props.feedback)
      throw illegalTransition(action, this.props.status, 'feedback on this resolution was already given');
  }

  /** Satisfied or basically satisfied closes at once; unsatisfied leaves it resolved for the owner to reopen or close. */
  private rate(action: TicketAction, actor: Actor, input: Omit<Feedback, 'givenAt'>, at: Date): void {
    this.props.feedback = { ...input, givenAt: at };
    this.moveTo(action, this.props.status, TicketEvents.feedbackGiven, actor, at, input.comment, {
      via: input.via,
      contacted: input.contacted,
      solved: input.solved,
      satisfaction: input.satisfaction,
      comment: input.comment,
    });
    if (input.satisfaction !== 'unsatisfied')
      this.closeWith('close', 'feedback', actor, at, {
        code: TicketReasonCodes.closedSatisfied,
        params: { satisfaction: input.satisfaction, via: input.via },
      });
  }

  reopen(actor: Actor, reason: string, limit: number, at: Date): void {
    this.guard('reopen');
    if (this.props.feedback?.satisfaction !== 'unsatisfied') {
      throw illegalTransition(
        'reopen',
        this.props.status,
        'only an unsatisfied feedback can reopen a ticket',
      );
    }
    if (this.props.reopenCount >= limit) {
      throw illegalTransition(
        'reopen',
        this.props.status,
        `the reopen limit (${limit}) is reached; close the ticket instead`,
      );
    }
    this.props.reopenCount += 1;
    this.props.feedback = null;
    this.props.resolution = null;
    this.props.repliedThisRound = false;
    this.props.acknowledgedSinceAssign = false;
    // A merged duplicate sent back by its enterprise is handled on its own from now on.
    const left = this.props.followsMain ? this.props.mergedInto : null;
    this.props.followsMain = false;
    this.moveTo(
      'reopen',
      'reopened',
      TicketEvents.reopened,
      actor,
      at,
      reason,
      { reason, reopenCount: this.props.reopenCount },
      left
        ? {
            code: TicketReasonCodes.reopenedLeftMain,
            params: { mainTicketId: left.ticketId, mainTicketNumber: left.number },
          }
        : null,
    );
    // The SLA engine opens a new response clock on ticket.assigned; a reopen starts one for the same lead.
    this.record('reopen', TicketEvents.assigned, actor, at, reason, 'reopened', {
      via: 'reopen',
      ruleId: null,
      previousLeadDepartmentId: this.props.leadDepartmentId,
      firstHandlerDepartmentId: this.props.firstHandlerDepartmentId ?? this.lead(),
    });
  }

  /** The owner closes a resolved ticket; with feedback given it ends as feedback, otherwise as no feedback. */
  close(actor: Actor, reason: string | null, at: Date): void {
    this.guard('close');
    this.closeWith('close', this.props.feedback ? 'feedback' : 'no_feedback', actor, at, reason);
  }

  /**
   * The committee's callback window lapsed after the feedback window (sla.breached, kind callback):
   * nobody rated, or an unsatisfied rating was left standing. Never counted as satisfied.
   */
  closeWithoutFeedback(actor: Actor, at: Date): void {
    this.guard('closeWithoutFeedback');
    const outcome = this.props.feedback ? 'feedback' : 'no_feedback';
    this.closeWith('closeWithoutFeedback', outcome, actor, at, {
      code: TicketReasonCodes.closedCallbackLapsed,
      params: { outcome },
    });
  }

  supervise(
    actor: Actor,
    input: { level: 'urge' | 'supervise' | 'joint_meeting'; note: string },
    at: Date,
  ): void {
    this.guard('supervise');
    this.assertOwnCourse('supervise');
    this.moveTo('supervise', this.props.status, TicketEvents.supervised, actor, at, input.note, {
      level: input.level,
      note: input.note,
    });
  }

  /**
   * 补充材料: the lead asks the enterprise for facts or documents. One question at a time: a second
   * one waits until the first is answered (409 naming the open one). Where the SLA policy says
   * so, the resolution clock pauses on ticket.information-requested until the answer.
   */
  requestInformation(actor: Actor, input: { requestId: string; question: string }, at: Date): void {
    this.guard('requestInformation');
    this.assertOwnCourse('requestInformation');
    const question = input.question.trim();
    if (!question) throw invalid('question', 'question is required');
    const open = this.props.openInformationRequest;
    if (open)
      throw illegalTransition(
        'requestInformation',
        this.props.status,
        `the question of ${open.askedAt.toISOString()} (request ${open.id}) still waits for the enterprise's answer; ask again once it is answered`,
      );
    this.props.openInformationRequest = {
      id: input.requestId,
      departmentId: this.lead(),
      question,
      askedBy: actor.id,
      askedAt: at,
    };
    this.moveTo(
      'requestInformation',
      this.props.status,
      TicketEvents.informationRequested,
      actor,
      at,
      question,
      {
        requestId: input.requestId,
        departmentId: this.lead(),
        question,
      },
    );
  }

  /** The enterprise (or its instructor) answers the open question, with text and files. */
  provideInformation(
    actor: Actor,
    input: { requestId: string; answer: string; attachments: AttachmentRef[] },
    at: Date,
  ): void {
    this.guard('provideInformation');
    const open = this.props.openInformationRequest;
    if (!open)
      throw illegalTransition('provideInformation', this.props.status, 'no question waits for an answer');
    if (open.id !== input.requestId)
      throw invalid('requestId', `the question waiting for an answer is ${open.id}`);
    const answer = input.answer.trim();
    if (!answer) throw invalid('answer', 'answer is required');
    this.props.openInformationRequest = null;
    this.moveTo(
      'provideInformation',
      this.props.status,
      TicketEvents.informationProvided,
      actor,
      at,
      answer,
      {
        requestId: open.id,
        answer,
        attachments: input.attachments,
      },
    );
  }

  /** A message both the enterprise and the ticket's handlers read (neither a reply nor a request). */
  postMessage(
    actor: Actor,
    input: {
      messageId: string;
      author: MessageAuthor;
      departmentId: string | null;
      text: string;
      attachments: AttachmentRef[];
    },
    at: Date,
  ): void {
    this.guard('postMessage');
    const text = input.text.trim();
    if (!text) throw invalid('text', 'text is required');
    this.moveTo('postMessage', this.props.status, TicketEvents.messagePosted, actor, at, text, {
      messageId: input.messageId,
      author: input.author,
      departmentId: input.departmentId,
      text,
      attachments: input.attachments,
    });
  }

  /** 内部备注: for departments on the ticket and the committee; the enterprise never reads it. */
  addNote(
    actor: Actor,
    input: { noteId: string; departmentId: string | null; text: string; attachments: AttachmentRef[] },
    at: Date,
  ): void {
    this.guard('addNote');
    const text = input.text.trim();
    if (!text) throw invalid('text', 'text is required');
    this.moveTo('addNote', this.props.status, TicketEvents.noteAdded, actor, at, text, {
      noteId: input.noteId,
      departmentId: input.departmentId,
      text,
      attachments: input.attachments,
    });
  }

  /**
   * 承办人: the lead names one of its own staff (checked by the caller against the directory), or
   * nobody (`null`). Naming the person who already holds it changes nothing and is refused.
   */
  assignHandler(actor: Actor, handler: TicketHandler | null, at: Date): void {
    this.guard('assignHandler');
    this.assertOwnCourse('assignHandler');
    if ((this.props.handler?.userId ?? null) === (handler?.userId ?? null))
      throw new DomainError(
        'conflict',
        handler ? `${handler.name} already handles this ticket` : 'nobody handles this ticket yet',
        { errors: [{ field: 'handlerUserId', messages: ['is already the handler'] }] },
      );
    this.props.handler = handler ? { ...handler } : null;
    this.moveTo('assignHandler', this.props.status, TicketEvents.handlerAssigned, actor, at, null, {
      departmentId: this.lead(),
      handlerUserId: handler?.userId ?? null,
      handlerName: handler?.name ?? null,
    });
  }

  /**
   * The committee merges this ticket, a duplicate, into a main one: from now on it follows it. Its
   * own clocks stop (the SLA engine stops them on ticket.merged), it leaves its department's hands
   * for the main ticket's lead, and it receives the main ticket's answers (interim replies,
   * replies, the resolution) as its own, so its enterprise is answered and rates its own ticket.
   * What the main ticket already answered reaches it at once.
   */
  mergeInto(actor: Actor, main: MainTicketView, reason: string, at: Date): void {
    this.guard('merge');
    if (main.id === this.props.id) throw invalid('mainTicketId', 'a ticket cannot be merged into itself');
    if (this.props.mergedInto)
      throw illegalTransition(
        'merge',
        this.props.status,
        `it was already merged into ticket ${this.props.mergedInto.number}`,
      );
    if (this.props.duplicates.length)
      throw illegalTransition(
        'merge',
        this.props.status,
        'other tickets were merged into this one; merge into this ticket instead',
      );
    if (main.mergedInto)
      throw invalid(
        'mainTicketId',
        `ticket ${main.number} was itself merged into ${main.mergedInto.number}; merge into that one`,
      );
    if (!main.leadDepartmentId || !TRANSITIONS.attachDuplicate.from.includes(main.status))
      throw invalid(
        'mainTicketId',
        `ticket ${main.number} is ${main.status}: the main ticket must be open and routed to a lead department`,
      );
    const why = reason.trim();
    if (!why) throw invalid('reason', 'reason is required');
    this.props.mergedInto = { ticketId: main.id, number: main.number };
    this.props.followsMain = true;
    this.props.leadDepartmentId = main.leadDepartmentId;
    this.props.firstHandlerDepartmentId ??= main.leadDepartmentId;
    this.props.coHandlers = [];
    this.setCoHandlers(main.coHandlerDepartmentIds);
    this.props.acknowledgedSinceAssign = true;
    this.props.pendingExtension = null;
    this.props.openInformationRequest = null;
    this.props.handler = null;
    this.props.repliedThisRound = false;
    this.moveTo('merge', 'in_progress', TicketEvents.merged, actor, at, why, {
      mainTicketId: main.id,
      mainTicketNumber: main.number,
      reason: why,
    });
    if (main.status === 'resolved' && main.resolution)
      this.followMain(actor, main, { kind: 'resolve', ...main.resolution }, at);
    if (main.repliedThisRound && main.lastReply)
      this.followMain(actor, main, { kind: 'reply', ...main.lastReply }, at);
  }

  /** On the main ticket: a duplicate now follows it. */
  attachDuplicate(actor: Actor, duplicate: DuplicateRef, at: Date): void {
    this.guard('attachDuplicate');
    if (this.props.mergedInto)
      throw invalid('mainTicketId', `ticket ${this.props.number} was itself merged into another`);
    if (this.props.duplicates.some((d) => d.ticketId === duplicate.ticketId))
      throw illegalTransition('attachDuplicate', this.props.status, `${duplicate.number} already follows it`);
    this.props.duplicates.push({ ...duplicate });
    this.moveTo('attachDuplicate', this.props.status, TicketEvents.duplicateAttached, actor, at, null, {
      duplicateTicketId: duplicate.ticketId,
      duplicateTicketNumber: duplicate.number,
      duplicateEnterpriseId: duplicate.enterpriseId,
    });
  }

  /**
   * Whether this ticket receives an answer given on `mainTicketId`: it still follows that ticket
   * (not reopened on its own, not closed) and has something to receive (it was not rated yet, and
   * an interim reply means nothing once resolved).
   */
  receives(mainTicketId: string, answer: FollowedAnswer): boolean {
    return (
      this.props.followsMain &&
      this.props.mergedInto?.ticketId === mainTicketId &&
      TRANSITIONS.followMain.from.includes(this.props.status) &&
      !this.props.feedback &&
      !(answer.kind === 'interimReply' && this.props.status === 'resolved')
    );
  }

  /**
   * A merged duplicate receives an answer given on its main ticket, as its own (same event types,
   * so its enterprise is notified and the SLA engine opens its feedback window on the resolution).
   * Only what `receives` accepts.
   */
  followMain(
    actor: Actor,
    main: Pick<MainTicketView, 'id' | 'number' | 'leadDepartmentId' | 'coHandlerDepartmentIds'>,
    answer: FollowedAnswer,
    at: Date,
  ): void {
    this.guard('followMain');
    if (!this.receives(main.id, answer))
      throw illegalTransition(
        'followMain',
        this.props.status,
        `it does not receive this answer of ticket ${main.number} (it no longer follows it, or was rated)`,
      );
    // The department that answers is the main ticket's lead of the moment (it may have changed by a transfer).
    this.props.leadDepartmentId = main.leadDepartmentId;
    this.setCoHandlers(main.coHandlerDepartmentIds);
    const code: StepCode = {
      code: TicketReasonCodes.followedMain,
      params: { mainTicketId: main.id, mainTicketNumber: main.number },
    };
    const status = this.props.status;
    switch (answer.kind) {
      case 'interimReply':
        this.moveTo(
          'followMain',
          status,
          TicketEvents.interimReplied,
          actor,
          at,
          answer.message,
          {
            departmentId: answer.departmentId,
            reason: answer.message,
          },
          code,
        );
        return;
      case 'reply':
        this.props.repliedThisRound = true;
        this.props.lastReply = { departmentId: answer.departmentId, message: answer.message, at };
        this.moveTo(
          'followMain',
          status,
          TicketEvents.replied,
          actor,
          at,
          answer.message,
          {
            departmentId: answer.departmentId,
            message: answer.message,
          },
          code,
        );
        return;
      case 'resolve':
        this.props.resolution = {
          departmentId: answer.departmentId,
          result: answer.result,
          evidence: answer.evidence,
          resolvedAt: at,
        };
        this.moveTo(
          'followMain',
          'resolved',
          TicketEvents.resolved,
          actor,
          at,
          answer.result,
          {
            departmentId: answer.departmentId,
            result: answer.result,
            evidence: answer.evidence,
          },
          code,
        );
        return;
    }
  }

  /**
   * Related tickets (one incident reported by several enterprises): each keeps its own course; the
   * link is recorded on every ticket of it. Only tickets not linked yet are linked; none is a 409.
   */
  link(actor: Actor, relatedTicketIds: string[], reason: string, at: Date): void {
    this.guard('link');
    const fresh = [...new Set(relatedTicketIds)].filter(
      (id) => id !== this.props.id && !this.props.relatedTicketIds.includes(id),
    );
    if (!fresh.length)
      throw new DomainError('conflict', `ticket ${this.props.number} is already linked to these tickets`, {
        errors: [{ field: 'ticketIds', messages: ['already linked'] }],
      });
    const why = reason.trim();
    if (!why) throw invalid('reason', 'reason is required');
    this.props.relatedTicketIds.push(...fresh);
    this.moveTo('link', this.props.status, TicketEvents.linked, actor, at, why, {
      relatedTicketIds: fresh,
      reason: why,
    });
  }

  /** `why`: what the owner wrote, or the code of a close the ticket decides itself. */
  private closeWith(
    action: TicketAction,
    outcome: CloseOutcome,
    actor: Actor,
    at: Date,
    why: string | null | StepCode,
  ): void {
    this.props.closeOutcome = outcome;
    this.props.closedAt = at;
    this.props.openInformationRequest = null;
    const fb = outcome === 'feedback' ? this.props.feedback : null;
    const written = typeof why === 'string' || why === null;
    this.moveTo(
      action,
      'closed',
      TicketEvents.closed,
      actor,
      at,
      written ? why : null,
      { outcome, satisfaction: fb?.satisfaction ?? null, solved: fb?.solved ?? null },
      written ? null : why,
    );
  }

  /** The lead department, which every state past assignment has (the state machine guarantees it). */
  private lead(): string {
    const id = this.props.leadDepartmentId;
    if (!id) throw new Error(`ticket ${this.props.id} has no lead department in status ${this.props.status}`);
    return id;
  }

  private guard(action: TicketAction): void {
    if (!TRANSITIONS[action].from.includes(this.props.status))
      throw illegalTransition(action, this.props.status);
  }

  /** A merged duplicate is handled on its main ticket: nothing is done to it directly meanwhile. */
  private assertOwnCourse(action: TicketAction): void {
    const main = this.props.followsMain ? this.props.mergedInto : null;
    if (main)
      throw illegalTransition(
        action,
        this.props.status,
        `it was merged into ticket ${main.number} (${main.ticketId}) and follows it; act on that ticket`,
      );
  }

  private setCoHandlers(ids: string[]): void {
    const lead = this.props.leadDepartmentId;
    const unique = [...new Set(ids)].filter((id) => id !== lead);
    // A department that stays a co-handler keeps what it already reported.
    this.props.coHandlers = unique.map(
      (id) =>
        this.props.coHandlers.find((p) => p.departmentId === id) ?? {
          departmentId: id,
          content: null,
          reportedAt: null,
          reportedBy: null,
        },
    );
  }

  private moveTo<T extends TicketEventType>(
    action: TicketAction,
    to: TicketStatus,
    eventType: T,
    actor: Actor,
    at: Date,
    reason: string | null,
    payload: OwnFields<T>,
    code: StepCode | null = null,
  ): void {
    const from = this.props.status;
    this.props.status = to;
    this.record(action, eventType, actor, at, reason, from, payload, code);
  }

  private record<T extends TicketEventType>(
    action: TicketAction | 'submit',
    eventType: T,
    actor: Actor,
    at: Date,
    reason: string | null,
    from: TicketStatus | null,
    payload: OwnFields<T>,
    code: StepCode | null = null,
  ): void {
    this.props.version += 1;
    this.props.updatedAt = at;
    const change: TicketChangeOf<T> = {
      action,
      eventType,
      actor,
      at,
      reason,
      reasonCode: code?.code ?? null,
      reasonParams: code?.params ?? null,
      statusFrom: from,
      payload: { ...this.base(), ...payload } as EventPayloads[T],
      version: this.props.version,
    };
    this.changes.push(change as TicketChange);
  }

  private base(): TicketEventBase {
    const main = this.props.followsMain ? this.props.mergedInto : null;
    return {
      ticketId: this.props.id,
      number: this.props.number,
      status: this.props.status,
      enterpriseId: this.props.enterpriseId,
      category: this.props.category,
      urgency: this.props.urgency,
      gridId: this.props.gridId,
      leadDepartmentId: this.props.leadDepartmentId,
      coHandlerDepartmentIds: this.props.coHandlers.map((p) => p.departmentId),
      ...(main ? { followsTicketId: main.ticketId } : {}),
    };
  }
}

/** A step the ticket writes itself: its code and parameters. */
interface StepCode {
  code: TicketReasonCode;
  params: Record<string, string | number | boolean | null>;
}

const copy = (p: TicketProps): TicketProps => ({
  ...p,
  coHandlers: p.coHandlers.map((x) => ({ ...x })),
  duplicates: p.duplicates.map((d) => ({ ...d })),
  relatedTicketIds: [...p.relatedTicketIds],
});
