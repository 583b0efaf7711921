import { SlaEvents, TicketEvents, Topics } from '@ticketing/contracts';
import { AlertLevel, emptyFact, ProjectedEntry, shanghaiMonth, Stint, TicketFact } from './ticket-fact';

const SUPERVISE_ORDER = ['urge', 'supervise', 'joint_meeting'];
const ALERT_KINDS = { respond: 'respondAlert', resolve: 'resolveAlert', reply: 'replyAlert' } as const;
type AlertKind = keyof typeof ALERT_KINDS;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const iso = (v: unknown): string | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const higherSupervision = (a: string | null, b: string | null): string | null =>
  SUPERVISE_ORDER.indexOf(b ?? '') > SUPERVISE_ORDER.indexOf(a ?? '') ? b : a;

/**
 * The ticket an entry is about, for the projections: a ticket's or its clocks' entries only (not the
 * clocks of a meeting's decisions, which the SLA engine keys by the decision's id; not directory,
 * outreach or meeting entries, even those that name a ticket).
 */
export const ticketOf = (entry: ProjectedEntry): string | null => {
  if (entry.topic === Topics.Ticket) return entry.ticketId;
  if (entry.topic === Topics.Sla) return isDecisionClock(entry) ? null : entry.ticketId;
  return null;
};

/** An SLA entry about a joint meeting's decision (议定事项), not a ticket. */
export const isDecisionClock = (entry: ProjectedEntry): boolean =>
  entry.topic === Topics.Sla && (entry.payload.subject === 'decision' || entry.payload.kind === 'decision');

/**
 * Folds one ledger entry into the ticket's fact. Pure and deterministic: the live consumer and the
 * rebuild call it with the same entries in the same (seq) order, so they end with the same rows.
 * Returns null when the entry changes nothing the projections keep.
 */
export function applyToFact(current: TicketFact | undefined, entry: ProjectedEntry): TicketFact | null {
  const ticketId = ticketOf(entry);
  if (!ticketId) return null;
  const isTicket = entry.topic === Topics.Ticket && entry.type.startsWith('ticket.');
  const isSla = entry.topic === Topics.Sla && entry.type.startsWith('sla.');
  if (!isTicket && !isSla) return null;

  const f: TicketFact = current
    ? { ...current, stints: current.stints.map((s) => ({ ...s })) }
    : emptyFact(ticketId, entry);
  const p = entry.payload;
  const at = entry.occurredAt;
  f.lastSeq = entry.seq;
  f.lastEventAt = at;
  if (isTicket) applyTicketEvent(f, entry.type, p, at);
  else applySlaEvent(f, entry.type, p, at);

  if (f.closedAt || f.withdrawnAt) {
    f.respondAlert = f.resolveAlert = f.replyAlert = null;
  }
  f.alertLevel = [f.respondAlert, f.resolveAlert, f.replyAlert].includes('red')
    ? 'red'
    : [f.respondAlert, f.resolveAlert, f.replyAlert].includes('yellow')
      ? 'yellow'
      : null;
  return f;
}

const openStint = (f: TicketFact): Stint | undefined => f.stints.find((s) => s.endedAt === null);

function applyTicketEvent(f: TicketFact, type: string, p: Record<string, unknown>, at: string): void {
  f.number = str(p.number) ?? f.number;
  f.status = str(p.status) ?? f.status;
  f.enterpriseId = str(p.enterpriseId) ?? f.enterpriseId;
  f.category = str(p.category) ?? f.category;
  f.urgency = str(p.urgency) ?? f.urgency;
  if (p.gridId !== undefined) f.gridId = str(p.gridId) ?? '';
  f.departmentId = str(p.leadDepartmentId) ?? f.departmentId;
  if (Array.isArray(p.coHandlerDepartmentIds))
    f.coHandlerDepartmentIds = p.coHandlerDepartmentIds.filter((d): d is string => typeof d === 'string');

  switch (type) {
    case TicketEvents.submitted: {
      f.enterpriseName = str(p.enterpriseName) ?? f.enterpriseName;
      f.title = str(p.title) ?? f.title;
      f.description = str(p.description) ?? f.description;
      f.submittedAt = iso(p.submittedAt) ?? at;
      f.month = shanghaiMonth(f.submittedAt);
      f.channel = str(p.channel) ?? 'web';
      const by = p.submittedBy;
      f.submittedByRole = typeof by === 'object' && by !== null ? str(Reflect.get(by, 'role')) : null;
      f.visitId = str(p.visitId) ?? f.visitId;
      break;
    }
    case TicketEvents.merged:
      f.mergedInto = str(p.mainTicketId) ?? f.mergedInto;
      f.mergedAt ??= at;
      break;
    case TicketEvents.handlerAssigned:
      f.handlerUserId = str(p.handlerUserId);
      f.handlerName = str(p.handlerName);
      break;
    case TicketEvents.assigned: {
      const lead = str(p.leadDepartmentId);
      if (!lead) break;
      f.assignedAt ??= at;
      f.firstHandlerDepartmentId = str(p.firstHandlerDepartmentId) ?? f.firstHandlerDepartmentId ?? lead;
      const via = str(p.via);
      const open = openStint(f);
      if (open) {
        open.endedAt = at;
        open.endedBy = via === 'transfer' ? 'transfer' : 'reassigned';
      }
      if (via === 'transfer') f.transferCount++;
      f.stints.push({
        stint: f.stints.length + 1,
        departmentId: lead,
        via,
        assignedAt: at,
        acknowledgedAt: null,
        // A respond deadline set after this moment (SLA's event overtook ours) belongs to this stint.
        respondDueAt: f.respondDueAt && f.respondDueAt > at ? f.respondDueAt : null,
        respondBreached: false,
        endedAt: null,
        endedBy: null,
      });
      f.respondAlert = null;
      break;
    }
    case TicketEvents.acknowledged: {
      f.acknowledgedAt ??= at;
      const open = openStint(f);
      if (open) open.acknowledgedAt ??= at;
      f.respondAlert = null;
      break;
    }
    case TicketEvents.withdrawn:
      f.withdrawnAt ??= at;
      break;
    case TicketEvents.transferRequested:
      f.transferRequestCount++;
      break;
    case TicketEvents.extensionDecided: {
      const newDue = iso(p.newDueAt);
      if (p.approved === true) {
        f.extensionCount++;
        if (newDue && !f.resolvedAt) {
          f.originalResolveDueAt ??= f.resolveDueAt;
          f.resolveDueAt = newDue;
          f.resolveBreached = false;
          f.resolveAlert = null;
        }
      }
      break;
    }
    case TicketEvents.resolved:
      f.resolvedAt ??= at;
      f.lastResolvedAt = at;
      f.result = str(p.result) ?? f.result;
      f.resolveAlert = null;
      break;
    case TicketEvents.replied:
      f.repliedAt ??= at;
      f.replyMessage = str(p.message) ?? f.replyMessage;
      f.replyAlert = null;
      break;
    case TicketEvents.feedbackGiven:
      f.feedbackAt = at;
      f.feedbackCount++;
      f.contacted = typeof p.contacted === 'boolean' ? p.contacted : null;
      f.solved = typeof p.solved === 'boolean' ? p.solved : null;
      f.satisfaction = str(p.satisfaction);
      f.feedbackComment = str(p.comment);
      f.feedbackVia = str(p.via) ?? 'enterprise';
      break;
    case TicketEvents.reopened:
      f.reopenCount =
        typeof p.reopenCount === 'number' ? Math.max(p.reopenCount, f.reopenCount + 1) : f.reopenCount + 1;
      break;
    case TicketEvents.closed: {
      f.closedAt ??= at;
      f.closeOutcome = str(p.outcome) ?? f.closeOutcome;
      if (f.closeOutcome === 'withdrawn') f.withdrawnAt ??= at;
      // A close that carries the enterprise's verdict counts as its feedback if none came before.
      if (!f.satisfaction && str(p.satisfaction)) {
        f.satisfaction = str(p.satisfaction);
        f.solved = typeof p.solved === 'boolean' ? p.solved : f.solved;
        f.feedbackAt ??= at;
        f.feedbackCount = Math.max(1, f.feedbackCount);
        f.feedbackVia ??= 'enterprise';
      }
      break;
    }
    case TicketEvents.supervised: {
      const level = str(p.level);
      f.superviseLevel = higherSupervision(f.superviseLevel, level);
      if (level === 'joint_meeting' && !f.jointMeetingAt) {
        f.jointMeetingAt = at;
        f.jointMeetingReason = str(p.note) ?? 'supervised to the joint meeting';
      }
      break;
    }
    default:
      break;
  }
}

function done(f: TicketFact, kind: AlertKind): boolean {
  if (kind === 'respond') return !!openStint(f)?.acknowledgedAt || (!openStint(f) && !!f.acknowledgedAt);
  if (kind === 'resolve') return !!f.resolvedAt;
  return !!f.repliedAt;
}

function stintFor(f: TicketFact, departmentId: string | null): Stint | undefined {
  for (let i = f.stints.length - 1; i >= 0; i--) {
    if (!departmentId || f.stints[i].departmentId === departmentId) return f.stints[i];
  }
  return undefined;
}

function applySlaEvent(f: TicketFact, type: string, p: Record<string, unknown>, at: string): void {
  const kind = str(p.kind);
  const departmentId = str(p.departmentId);
  const dueAt = iso(p.dueAt);
  const isAlertKind = kind === 'respond' || kind === 'resolve' || kind === 'reply';
  switch (type) {
    case SlaEvents.deadlineSet: {
      if (!dueAt) break;
      if (kind === 'respond') {
        f.respondDueAt = dueAt;
        const s = stintFor(f, departmentId);
        if (s && !s.acknowledgedAt) {
          s.respondDueAt = dueAt;
          s.respondBreached = false;
        }
        f.respondAlert = null;
      } else if (kind === 'resolve' && !f.resolvedAt) {
        f.originalResolveDueAt ??= dueAt;
        f.resolveDueAt = dueAt;
        f.resolveBreached = false;
        f.resolveAlert = null;
      } else if (kind === 'reply' && !f.repliedAt) {
        f.replyDueAt = dueAt;
        f.replyBreached = false;
        f.replyAlert = null;
      } else if (kind === 'triage') {
        f.triageDueAt = dueAt;
      } else if (kind === 'feedback') {
        f.feedbackDueAt = dueAt;
      }
      break;
    }
    case SlaEvents.timerStopped:
      if (isAlertKind) f[ALERT_KINDS[kind as AlertKind]] = null;
      if (kind === 'triage') {
        f.triageStoppedAt = iso(p.stoppedAt) ?? at;
        f.triageOutcome = str(p.outcome) ?? (p.breached === true ? 'breached' : 'met');
      }
      break;
    case SlaEvents.warning:
      if (isAlertKind && !done(f, kind as AlertKind) && f[ALERT_KINDS[kind as AlertKind]] !== 'red') {
        f[ALERT_KINDS[kind as AlertKind]] = 'yellow' satisfies AlertLevel;
      }
      break;
    case SlaEvents.breached: {
      if (!isAlertKind || done(f, kind as AlertKind)) break;
      f[ALERT_KINDS[kind as AlertKind]] = 'red';
      if (kind === 'respond') {
        const s = stintFor(f, departmentId);
        if (s && !s.acknowledgedAt) s.respondBreached = true;
      } else if (kind === 'resolve') f.resolveBreached = true;
      else f.replyBreached = true;
      break;
    }
    case SlaEvents.escalated: {
      const step = str(p.step);
      f.superviseLevel = higherSupervision(f.superviseLevel, step);
      if (step === 'joint_meeting' && !f.jointMeetingAt) {
        f.jointMeetingAt = at;
        f.jointMeetingReason = `SLA escalation: ${kind ?? 'deadline'} overdue`;
      }
      break;
    }
    default:
      break;
  }
}
