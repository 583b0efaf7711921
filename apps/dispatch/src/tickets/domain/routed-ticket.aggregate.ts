import {
  Actor,
  DispatchDecidedPayload,
  DispatchEvents,
  DispatchEventType,
  DomainError,
  EventPayloads,
  SYSTEM_ACTOR,
} from '@ticketing/contracts';
import { fieldProblem } from '@ticketing/platform';
import { RuleDecision, RuleSnapshot, validateDecision } from '../../rules/domain/routing-rule';
import { inactiveDepartmentExplanation, RuleEngine } from '../../rules/domain/rule-engine';
import { TransferDecision } from '../../transfers/domain/transfer-request';
import { ActivityKind, CountedFact, HistoryEntry, HistoryKind } from './ticket-log';

export type RoutedTicketStatus = 'triage' | 'decided' | 'withdrawn' | 'closed';

/** What the desk knows of a ticket besides where it goes: its routing facts and what its lists show. */
export interface TicketFacts {
  number: string;
  enterpriseId: string;
  enterpriseName: string | null;
  title: string | null;
  description: string | null;
  category: string;
  urgency: string | null;
  gridId: string | null;
  submittedAt: Date | null;
}

export interface RoutedTicketRecord extends TicketFacts {
  ticketId: string;
  status: RoutedTicketStatus;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  /** 首办负责制: the first lead keeps its record whatever transfers follow. */
  firstHandlerDepartmentId: string | null;
  decidedVia: 'rule' | 'manual' | null;
  ruleId: string | null;
  ruleVersion: number | null;
  explanation: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  /** The aggregateVersion of the desk's last event about this ticket. */
  eventsEmitted: number;
  updatedAt: Date;
}

/** An event of the desk about this ticket, numbered per ticket. */
export interface DeskEvent<T extends DispatchEventType = DispatchEventType> {
  type: T;
  payload: EventPayloads[T];
  actor: Actor;
  aggregateVersion: number;
}

/** The ticket event that brought a change: who did it and when, and its id (counted facts dedupe on it). */
export interface EventSource {
  eventId: string;
  actor: Actor;
  occurredAt: Date;
}

export interface RoutedTicketChanges {
  row: 'insert' | 'update' | null;
  history: HistoryEntry[];
  counted: CountedFact[];
  events: DeskEvent[];
}

const engine = new RuleEngine();

/**
 * A person's routing is checked before the ticket is looked at: departments the desk knows, each
 * once, the lead not also a co-handler, and a note saying why (shown to them and kept in the ledger).
 */
export function checkManualDecision(
  decision: RuleDecision,
  note: string,
  isKnownDepartment: (id: string) => boolean,
): { decision: RuleDecision; note: string } {
  const errors = validateDecision(decision, isKnownDepartment);
  const trimmed = note.trim();
  if (!trimmed) errors.push({ field: 'note', messages: ['note must say why these departments'] });
  if (errors.length) throw fieldProblem(errors);
  return { decision, note: trimmed };
}

/**
 * The desk's record of one ticket (党委响应): the facts it was routed on, where it went (by a rule
 * or by a person from the triage queue), transfer requests and the committee's decisions, reopens,
 * and its end. Each change is logged in the ticket's history; decisions are announced as dispatch
 * events numbered per ticket, and facts counted for departments' figures.
 *
 * The desk may hear of a ticket it has no record of (events of tickets from before it kept
 * records, or ordering across topics): such a ticket is `unknown`, still gets its history and
 * counts, and has no row until something teaches the desk its facts.
 */
export class RoutedTicket {
  private changes: RoutedTicketChanges = { row: null, history: [], counted: [], events: [] };

  private constructor(
    readonly ticketId: string,
    private record: RoutedTicketRecord | null,
  ) {}

  static unknown(ticketId: string): RoutedTicket {
    return new RoutedTicket(ticketId, null);
  }

  static restore(record: RoutedTicketRecord): RoutedTicket {
    return new RoutedTicket(record.ticketId, {
      ...record,
      coHandlerDepartmentIds: [...record.coHandlerDepartmentIds],
    });
  }

  get isKnown(): boolean {
    return this.record !== null;
  }

  /** The record of a known ticket. */
  get state(): Readonly<RoutedTicketRecord> {
    return this.known();
  }

  /** ticket.submitted: the desk learns the ticket; `routeBy` decides where it goes. */
  submit(facts: TicketFacts, source: Omit<EventSource, 'eventId'>, now: Date): void {
    if (this.record) throw new Error(`ticket ${this.ticketId} was submitted before`);
    this.record = {
      ticketId: this.ticketId,
      ...facts,
      status: 'triage',
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      firstHandlerDepartmentId: null,
      decidedVia: null,
      ruleId: null,
      ruleVersion: null,
      explanation: null,
      decidedAt: null,
      decidedBy: null,
      eventsEmitted: 0,
      updatedAt: now,
    };
    this.changes.row = 'insert';
    this.log('submitted', source.occurredAt, source.actor, null, {
      number: facts.number,
      category: facts.category,
      title: facts.title,
    });
  }

  /**
   * 党委响应 by rule: the first matching rule routes the ticket, unless a department it names is
   * no longer active; otherwise it waits for a person in the triage queue. Either way exactly one
   * decision event leaves.
   */
  routeBy(orderedRules: RuleSnapshot[], isActiveDepartment: (id: string) => boolean, now: Date): void {
    const r = this.known();
    const result = engine.route(
      {
        title: r.title ?? '',
        description: r.description ?? '',
        category: r.category,
        gridId: r.gridId,
        enterpriseId: r.enterpriseId,
      },
      orderedRules,
    );
    const match = result.match;
    if (match) {
      const { leadDepartmentId, coHandlerDepartmentIds } = match.rule.decision;
      if ([leadDepartmentId, ...coHandlerDepartmentIds].every(isActiveDepartment)) {
        this.decide(
          {
            leadDepartmentId,
            coHandlerDepartmentIds,
            via: 'rule',
            ruleId: match.rule.id,
            ruleVersion: match.rule.version,
            explanation: match.explanation,
          },
          SYSTEM_ACTOR,
          now,
        );
        return;
      }
    }
    // A department deactivated after the rule was written cannot receive tickets; a person decides.
    const explanation = match ? inactiveDepartmentExplanation(match).zh : result.explanation;
    r.explanation = explanation;
    this.emit(DispatchEvents.triageNeeded, { ticketId: this.ticketId, explanation }, SYSTEM_ACTOR);
    this.log('triage-queued', now, SYSTEM_ACTOR, null, { explanation });
  }

  /** A person routes what the rules could not; once, because the ticket leaves the queue with it. */
  assignFromTriage(checked: { decision: RuleDecision; note: string }, actor: Actor, now: Date): void {
    if (!this.record) {
      throw new DomainError('notFound', `ticket ${this.ticketId} is not known to the dispatch desk`);
    }
    const r = this.record;
    if (r.status !== 'triage') {
      const how = r.status === 'decided' ? ` (${r.decidedVia === 'rule' ? 'by a rule' : 'manually'})` : '';
      throw new DomainError(
        'conflict',
        `ticket ${r.number} is not waiting in triage: it is ${r.status}${how}`,
        { state: r.status },
      );
    }
    this.decide(
      { ...checked.decision, via: 'manual', ruleId: null, ruleVersion: null, explanation: checked.note },
      actor,
      now,
    );
  }

  /**
   * ticket.assigned: the ticket service is the truth for who leads now (a rule decision, a manual
   * one, an approved transfer); the desk follows it and counts the assignment for the department.
   */
  followAssignment(
    a: {
      leadDepartmentId: string;
      coHandlerDepartmentIds: string[];
      firstHandlerDepartmentId: string;
      via: string;
      previousLeadDepartmentId: string | null;
    },
    source: EventSource,
    now: Date,
  ): void {
    if (this.record) {
      const r = this.record;
      r.leadDepartmentId = a.leadDepartmentId;
      r.coHandlerDepartmentIds = a.coHandlerDepartmentIds;
      r.firstHandlerDepartmentId ??= a.firstHandlerDepartmentId;
      r.updatedAt = now;
      this.changes.row ??= 'update';
    }
    this.count('assigned', a.leadDepartmentId, source.occurredAt, source.eventId);
    this.log('assigned', source.occurredAt, source.actor, a.leadDepartmentId, {
      via: a.via,
      coHandlerDepartmentIds: a.coHandlerDepartmentIds,
      previousLeadDepartmentId: a.previousLeadDepartmentId,
    });
  }

  /**
   * A ticket submitted before this desk kept records is learnt from a transfer request (every
   * ticket event carries its routing state), so the committee can still decide and the decision is
   * numbered. The department that asked is taken as its first handler.
   */
  learnFromTransferRequest(
    t: Omit<TicketFacts, 'enterpriseName' | 'title' | 'description' | 'submittedAt'> & {
      leadDepartmentId: string | null;
      coHandlerDepartmentIds: string[];
    },
    fromDepartmentId: string,
    at: Date,
  ): void {
    if (this.record) return;
    this.record = {
      ticketId: this.ticketId,
      number: t.number,
      enterpriseId: t.enterpriseId,
      enterpriseName: null,
      title: null,
      description: null,
      category: t.category,
      urgency: t.urgency,
      gridId: t.gridId,
      submittedAt: null,
      status: 'decided',
      leadDepartmentId: t.leadDepartmentId ?? fromDepartmentId,
      coHandlerDepartmentIds: t.coHandlerDepartmentIds,
      firstHandlerDepartmentId: fromDepartmentId,
      decidedVia: null,
      ruleId: null,
      ruleVersion: null,
      explanation: null,
      decidedAt: null,
      decidedBy: null,
      eventsEmitted: 0,
      updatedAt: at,
    };
    this.changes.row = 'insert';
  }

  /** 退单/转办: a department asked the committee to hand the ticket on; it keeps the ticket meanwhile. */
  recordTransferRequest(
    request: { id: string; fromDepartmentId: string; reason: string },
    source: EventSource,
  ): void {
    this.count('transfer_requested', request.fromDepartmentId, source.occurredAt, source.eventId);
    this.log('transfer-requested', source.occurredAt, source.actor, request.fromDepartmentId, {
      transferRequestId: request.id,
      reason: request.reason,
    });
  }

  /** The committee's final word on a transfer request: an approval moves the lead, a rejection keeps it. */
  applyTransferDecision(
    request: { id: string; fromDepartmentId: string },
    decision: TransferDecision,
    actor: Actor,
    now: Date,
  ): void {
    const r = this.known();
    const approved = decision.status === 'approved';
    if (approved) {
      r.leadDepartmentId = decision.leadDepartmentId;
      r.coHandlerDepartmentIds = decision.coHandlerDepartmentIds;
    }
    r.updatedAt = now;
    this.changes.row ??= 'update';
    this.emit(
      DispatchEvents.transferDecided,
      {
        ticketId: this.ticketId,
        approved,
        fromDepartmentId: request.fromDepartmentId,
        leadDepartmentId: decision.leadDepartmentId,
        coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
        note: decision.note,
      },
      actor,
    );
    this.count(
      approved ? 'transfer_approved' : 'transfer_rejected',
      request.fromDepartmentId,
      now,
      request.id,
    );
    this.log(approved ? 'transfer-approved' : 'transfer-rejected', now, actor, request.fromDepartmentId, {
      transferRequestId: request.id,
      leadDepartmentId: decision.leadDepartmentId,
      coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
      note: decision.note,
    });
  }

  /** 重办: the lead keeps the ticket (no new routing); the reopen counts against that department. */
  reopen(
    r: { leadDepartmentId: string | null; reason: string; reopenCount: number },
    source: EventSource,
  ): void {
    const lead = r.leadDepartmentId ?? this.record?.leadDepartmentId ?? null;
    if (lead) this.count('reopened', lead, source.occurredAt, source.eventId);
    this.log('reopened', source.occurredAt, source.actor, lead, {
      reason: r.reason,
      reopenCount: r.reopenCount,
    });
  }

  /**
   * A withdrawn or closed ticket leaves the triage queue; its pending transfer requests, cancelled
   * by the caller, are logged as moot.
   */
  end(
    outcome: 'withdrawn' | 'closed',
    cancelledRequests: { id: string; fromDepartmentId: string; note: string | null }[],
    source: Omit<EventSource, 'eventId'>,
    now: Date,
  ): void {
    if (this.record) {
      this.record.status = outcome;
      this.record.updatedAt = now;
      this.changes.row ??= 'update';
    }
    for (const request of cancelledRequests) {
      this.log('transfer-cancelled', now, SYSTEM_ACTOR, request.fromDepartmentId, {
        transferRequestId: request.id,
        note: request.note,
      });
    }
    this.log(outcome, source.occurredAt, source.actor, null, {});
  }

  /** What changed since the last call; the repository writes it and the ticket starts clean. */
  pullChanges(): RoutedTicketChanges {
    const changes = this.changes;
    this.changes = { row: null, history: [], counted: [], events: [] };
    return changes;
  }

  private decide(decision: Omit<DispatchDecidedPayload, 'ticketId'>, actor: Actor, at: Date): void {
    const r = this.known();
    r.status = 'decided';
    r.leadDepartmentId = decision.leadDepartmentId;
    r.coHandlerDepartmentIds = decision.coHandlerDepartmentIds;
    r.firstHandlerDepartmentId ??= decision.leadDepartmentId;
    r.decidedVia = decision.via;
    r.ruleId = decision.ruleId;
    r.ruleVersion = decision.ruleVersion;
    r.explanation = decision.explanation;
    r.decidedAt = at;
    r.decidedBy = actor.id;
    r.updatedAt = at;
    this.changes.row ??= 'update';
    this.emit(DispatchEvents.decided, { ticketId: this.ticketId, ...decision }, actor);
    this.log(
      decision.via === 'rule' ? 'routed-by-rule' : 'assigned-manually',
      at,
      actor,
      decision.leadDepartmentId,
      {
        leadDepartmentId: decision.leadDepartmentId,
        coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
        ruleId: decision.ruleId,
        ruleVersion: decision.ruleVersion,
        explanation: decision.explanation,
      },
    );
  }

  private emit<T extends DispatchEventType>(type: T, payload: EventPayloads[T], actor: Actor): void {
    const r = this.known();
    r.eventsEmitted += 1;
    this.changes.events.push({ type, payload, actor, aggregateVersion: r.eventsEmitted });
  }

  private log(
    kind: HistoryKind,
    at: Date,
    actor: Actor,
    departmentId: string | null,
    details: Record<string, unknown>,
  ): void {
    this.changes.history.push({ kind, at, actor, departmentId, details });
  }

  private count(kind: ActivityKind, departmentId: string, occurredAt: Date, sourceId: string): void {
    this.changes.counted.push({ departmentId, kind, occurredAt, sourceId });
  }

  private known(): RoutedTicketRecord {
    if (!this.record) throw new Error(`ticket ${this.ticketId} is not known to the dispatch desk`);
    return this.record;
  }
}
