import {
  Actor,
  AttachmentRef,
  CloseOutcome,
  Satisfaction,
  TicketEventBase,
  TicketEvents,
  TicketEventType,
  TicketStatus,
  Urgency,
} from '@ticketing/contracts';
import { illegalTransition, invalid, versionConflict } from './ticket.errors';
import { TicketAction, TRANSITIONS } from './ticket-state-machine';

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
}

export interface TicketProps {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  submittedBy: { id: string; role: 'enterprise' | 'instructor' };
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  location: string | null;
  contact: { name: string; phone: string };
  attachments: AttachmentRef[];
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
  submittedAt: Date;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** One thing that happened: becomes a timeline step and an outbox event, in one transaction. */
export interface TicketChange {
  action: TicketAction | 'submit';
  eventType: TicketEventType;
  actor: Actor;
  at: Date;
  reason: string | null;
  statusFrom: TicketStatus | null;
  /** The event payload: the base fields (as they are after this change) plus the event's own. */
  payload: TicketEventBase & Record<string, unknown>;
  version: number;
}

export interface SubmitTicketInput {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  submittedBy: Actor & { role: 'enterprise' | 'instructor' };
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  location: string | null;
  contact: { name: string; phone: string };
  attachments: AttachmentRef[];
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
    return new Ticket({ ...props, coHandlers: props.coHandlers.map((p) => ({ ...p })) });
  }

  static submit(input: SubmitTicketInput): Ticket {
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

  snapshot(): Readonly<TicketProps> {
    return { ...this.props, coHandlers: this.props.coHandlers.map((p) => ({ ...p })) };
  }

  /** The changes since load, in order; the repository persists them and the outbox carries them. */
  pullChanges(): TicketChange[] {
    return this.changes.splice(0);
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
      this.moveTo('approveTransfer', 'assigned', TicketEvents.assigned, actor, at, input.note, {
        via: 'transfer',
        ruleId: null,
        previousLeadDepartmentId: previous,
        firstHandlerDepartmentId: this.props.firstHandlerDepartmentId ?? previous,
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
        departmentId: this.props.leadDepartmentId,
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
   * co-handler has reported its part (泉州: co-handlers report to the lead first).
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
    this.moveTo('resolve', 'resolved', TicketEvents.resolved, actor, at, input.result, {
      departmentId: this.props.leadDepartmentId,
      result: input.result,
      evidence: input.evidence,
    });
  }

  assertCanResolve(): void {
    this.guard('resolve');
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
    this.props.repliedThisRound = true;
    this.moveTo('reply', this.props.status, TicketEvents.replied, actor, at, message, {
      departmentId: this.props.leadDepartmentId,
      message,
    });
  }

  /**
   * 100%限期反馈: the enterprise rates an answer, so feedback needs a reply from the lead in this
   * round (before or after resolving). Satisfied or basically satisfied closes the ticket at once;
   * unsatisfied leaves it resolved so the owner can reopen it (or close it).
   */
  giveFeedback(actor: Actor, input: Omit<Feedback, 'givenAt'>, at: Date): void {
    this.guard('giveFeedback');
    if (this.props.feedback)
      throw illegalTransition(
        'giveFeedback',
        this.props.status,
        'feedback on this resolution was already given',
      );
    if (!this.props.repliedThisRound) {
      throw illegalTransition(
        'giveFeedback',
        this.props.status,
        'the lead department has not replied to the enterprise yet',
      );
    }
    this.props.feedback = { ...input, givenAt: at };
    this.moveTo('giveFeedback', this.props.status, TicketEvents.feedbackGiven, actor, at, input.comment, {
      contacted: input.contacted,
      solved: input.solved,
      satisfaction: input.satisfaction,
      comment: input.comment,
    });
    if (input.satisfaction !== 'unsatisfied')
      this.closeWith('close', 'feedback', actor, at, 'satisfied with the outcome');
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
    this.moveTo('reopen', 'reopened', TicketEvents.reopened, actor, at, reason, {
      reason,
      reopenCount: this.props.reopenCount,
    });
    // The SLA engine opens a new response clock on ticket.assigned; a reopen starts one for the same lead.
    this.record('reopen', TicketEvents.assigned, actor, at, reason, 'reopened', {
      via: 'reopen',
      ruleId: null,
      previousLeadDepartmentId: this.props.leadDepartmentId,
      firstHandlerDepartmentId: this.props.firstHandlerDepartmentId ?? this.props.leadDepartmentId,
    });
  }

  /** The owner closes a resolved ticket; with feedback given it ends as feedback, otherwise as no feedback. */
  close(actor: Actor, reason: string | null, at: Date): void {
    this.guard('close');
    this.closeWith('close', this.props.feedback ? 'feedback' : 'no_feedback', actor, at, reason);
  }

  /** The feedback window lapsed (sla.breached, kind feedback). Never counted as satisfied. */
  closeWithoutFeedback(actor: Actor, at: Date): void {
    this.guard('closeWithoutFeedback');
    this.closeWith(
      'closeWithoutFeedback',
      this.props.feedback ? 'feedback' : 'no_feedback',
      actor,
      at,
      'the feedback window lapsed',
    );
  }

  supervise(
    actor: Actor,
    input: { level: 'urge' | 'supervise' | 'joint_meeting'; note: string },
    at: Date,
  ): void {
    this.guard('supervise');
    this.moveTo('supervise', this.props.status, TicketEvents.supervised, actor, at, input.note, {
      level: input.level,
      note: input.note,
    });
  }

  private closeWith(
    action: TicketAction,
    outcome: CloseOutcome,
    actor: Actor,
    at: Date,
    reason: string | null,
  ): void {
    this.props.closeOutcome = outcome;
    this.props.closedAt = at;
    const fb = outcome === 'feedback' ? this.props.feedback : null;
    this.moveTo(action, 'closed', TicketEvents.closed, actor, at, reason, {
      outcome,
      satisfaction: fb?.satisfaction ?? null,
      solved: fb?.solved ?? null,
    });
  }

  private guard(action: TicketAction): void {
    if (!TRANSITIONS[action].from.includes(this.props.status))
      throw illegalTransition(action, this.props.status);
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

  private moveTo(
    action: TicketAction,
    to: TicketStatus,
    eventType: TicketEventType,
    actor: Actor,
    at: Date,
    reason: string | null,
    payload: Record<string, unknown>,
  ): void {
    const from = this.props.status;
    this.props.status = to;
    this.record(action, eventType, actor, at, reason, from, payload);
  }

  private record(
    action: TicketAction | 'submit',
    eventType: TicketEventType,
    actor: Actor,
    at: Date,
    reason: string | null,
    from: TicketStatus | null,
    payload: Record<string, unknown>,
  ): void {
    this.props.version += 1;
    this.props.updatedAt = at;
    this.changes.push({
      action,
      eventType,
      actor,
      at,
      reason,
      statusFrom: from,
      payload: { ...this.base(), ...payload },
      version: this.props.version,
    });
  }

  private base(): TicketEventBase {
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
    };
  }
}
