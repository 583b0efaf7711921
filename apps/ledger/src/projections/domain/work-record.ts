import { LedgerEvents, MeetingEvents, OutreachEvents, SlaEvents, Topics } from '@ticketing/contracts';
import { shanghaiMonth } from './ticket-fact';
import { ProjectedEntry } from './ticket-fact';

/**
 * A change one entry makes to a row of the work the ledger keeps beside the tickets: instructors'
 * task lists, visits, links and work log; joint meetings and their decisions; bulletins. A row is
 * keyed; a change sets some of its columns (the others keep what they had, or their default on a
 * new row). Changes apply in seq order, so the live fold and the rebuild write the same rows.
 */
export interface WorkRecord {
  table: WorkTable;
  key: Record<string, string | number>;
  set: Record<string, unknown>;
  /** Task lists: a revision older than the row's is not applied (a list is published again when revised). */
  onlyIfNewer?: 'revision';
}

export type WorkTable =
  'task_lists' | 'visits' | 'visit_tickets' | 'work_log' | 'meetings' | 'decisions' | 'bulletins';

/** The primary key of each table, in order. */
export const WORK_KEYS: Record<WorkTable, string[]> = {
  task_lists: ['task_list_id'],
  visits: ['visit_id'],
  visit_tickets: ['visit_id', 'problem_index'],
  work_log: ['entry_id'],
  meetings: ['meeting_id'],
  decisions: ['decision_id'],
  bulletins: ['bulletin_id'],
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const iso = (v: unknown): string | null => {
  const s = str(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');
const field = (o: unknown, k: string): unknown =>
  typeof o === 'object' && o !== null ? Reflect.get(o, k) : undefined;

/** The work rows an entry changes (none for a ticket's or the directory's own entries). */
export function workRecordsOf(entry: ProjectedEntry): WorkRecord[] {
  const p = entry.payload;
  const at = entry.occurredAt;
  switch (entry.topic) {
    case Topics.Outreach:
      return outreach(entry.type, p, at);
    case Topics.Meeting:
      return meeting(entry.type, p, at);
    case Topics.Sla:
      return decisionClock(entry.type, p);
    case Topics.Ledger:
      if (entry.type === LedgerEvents.bulletinPublished && str(p.bulletinId))
        return [
          {
            table: 'bulletins',
            key: { bulletin_id: str(p.bulletinId)! },
            set: {
              period_kind: str(p.periodKind) ?? '',
              period: str(p.period) ?? '',
              title: str(p.title) ?? '',
              published_at: iso(p.publishedAt) ?? at,
              published_by_id: str(field(p.publishedBy, 'id')) ?? '',
              published_by_name: str(field(p.publishedBy, 'name')) ?? '',
              content: p,
            },
          },
        ];
      return [];
    default:
      return [];
  }
}

function outreach(type: string, p: Record<string, unknown>, at: string): WorkRecord[] {
  switch (type) {
    case OutreachEvents.taskListPublished: {
      const id = str(p.taskListId);
      const instructor = str(p.instructorUserId);
      if (!id || !instructor) return [];
      return [
        {
          table: 'task_lists',
          key: { task_list_id: id },
          onlyIfNewer: 'revision',
          set: {
            instructor_user_id: instructor,
            month: str(p.month) ?? '',
            revision: num(p.revision) ?? 1,
            items: list(p.items).map((i) => ({
              enterpriseId: str(field(i, 'enterpriseId')),
              enterpriseName: str(field(i, 'enterpriseName')),
              reason: str(field(i, 'reason')),
            })),
            planned_count: num(p.plannedCount) ?? list(p.items).length,
            published_at: at,
          },
        },
      ];
    }
    case OutreachEvents.visitRecorded: {
      const id = str(p.visitId);
      const instructor = str(field(p.instructor, 'id'));
      if (!id || !instructor) return [];
      const visitedAt = iso(p.visitedAt) ?? at;
      return [
        {
          table: 'visits',
          key: { visit_id: id },
          set: {
            instructor_user_id: instructor,
            instructor_name: str(field(p.instructor, 'name')) ?? instructor,
            enterprise_id: str(p.enterpriseId) ?? '',
            enterprise_name: str(p.enterpriseName) ?? '',
            grid_id: str(p.gridId),
            month: str(p.month) ?? shanghaiMonth(visitedAt),
            visited_at: visitedAt,
            mode: str(p.mode) ?? 'on_site',
            planned: p.planned === true,
            problem_count: list(p.problems).length,
            need_count: strings(p.needIds).length,
          },
        },
      ];
    }
    case OutreachEvents.visitLinked: {
      const visit = str(p.visitId);
      const ticket = str(p.ticketId);
      const index = num(p.problemIndex);
      if (!visit || !ticket || index === null) return [];
      return [
        {
          table: 'visit_tickets',
          key: { visit_id: visit, problem_index: index },
          set: {
            ticket_id: ticket,
            ticket_number: str(p.ticketNumber) ?? '',
            instructor_user_id: str(p.instructorUserId) ?? '',
            month: str(p.month) ?? shanghaiMonth(at),
          },
        },
      ];
    }
    case OutreachEvents.workLogged: {
      const id = str(p.entryId);
      const instructor = str(p.instructorUserId);
      if (!id || !instructor) return [];
      return [
        {
          table: 'work_log',
          key: { entry_id: id },
          set: {
            instructor_user_id: instructor,
            day: str(p.day) ?? at.slice(0, 10),
            month: str(p.month) ?? shanghaiMonth(at),
            kind: str(p.kind) ?? 'other',
            title: str(p.title) ?? '',
          },
        },
      ];
    }
    default:
      return [];
  }
}

function meeting(type: string, p: Record<string, unknown>, at: string): WorkRecord[] {
  const meetingId = str(p.meetingId);
  switch (type) {
    case MeetingEvents.scheduled:
    case MeetingEvents.updated:
      if (!meetingId) return [];
      return [
        {
          table: 'meetings',
          key: { meeting_id: meetingId },
          set: {
            title: str(p.title),
            starts_at: iso(p.startsAt),
            place: str(p.place),
            agenda_count: list(p.agenda).length,
            // An update after the meeting was held changes its details, not that it was held.
            ...(type === MeetingEvents.scheduled ? { status: 'scheduled' } : {}),
          },
        },
      ];
    case MeetingEvents.cancelled:
      if (!meetingId) return [];
      return [
        {
          table: 'meetings',
          key: { meeting_id: meetingId },
          set: { status: 'cancelled', cancel_reason: str(p.reason) },
        },
      ];
    case MeetingEvents.held: {
      if (!meetingId) return [];
      const heldAt = iso(p.heldAt) ?? at;
      return [
        {
          table: 'meetings',
          key: { meeting_id: meetingId },
          set: {
            status: 'held',
            held_at: heldAt,
            held_month: shanghaiMonth(heldAt),
            summary: str(p.summary),
            decision_ids: strings(p.decisionIds),
          },
        },
      ];
    }
    case MeetingEvents.decisionMade: {
      const id = str(p.decisionId);
      if (!id) return [];
      const decidedAt = iso(p.decidedAt) ?? at;
      return [
        {
          table: 'decisions',
          key: { decision_id: id },
          set: {
            meeting_id: meetingId,
            ticket_id: str(p.ticketId),
            title: str(p.title),
            task: str(p.task),
            lead_department_id: str(p.leadDepartmentId),
            co_handler_department_ids: strings(p.coHandlerDepartmentIds),
            due_working_days: num(p.dueWorkingDays),
            cooperation: p.cooperation === true,
            decided_at: decidedAt,
            decided_month: shanghaiMonth(decidedAt),
          },
        },
      ];
    }
    case MeetingEvents.decisionReported: {
      const id = str(p.decisionId);
      if (!id) return [];
      return [
        {
          table: 'decisions',
          key: { decision_id: id },
          set: { progress: str(p.progress), last_report: str(p.report), reported_at: at },
        },
      ];
    }
    case MeetingEvents.decisionClosed: {
      const id = str(p.decisionId);
      if (!id) return [];
      return [
        {
          table: 'decisions',
          key: { decision_id: id },
          set: { outcome: str(p.outcome), note: str(p.note), closed_at: at, closed_month: shanghaiMonth(at) },
        },
      ];
    }
    default:
      return [];
  }
}

/** A decision's clock, run by the SLA engine and keyed by the decision's id. */
function decisionClock(type: string, p: Record<string, unknown>): WorkRecord[] {
  if (p.subject !== 'decision' && p.kind !== 'decision') return [];
  const id = str(p.ticketId);
  if (!id) return [];
  const key = { decision_id: id };
  switch (type) {
    case SlaEvents.deadlineSet:
      return iso(p.dueAt)
        ? [{ table: 'decisions', key, set: { due_at: iso(p.dueAt), breached: false } }]
        : [];
    case SlaEvents.breached:
      return [{ table: 'decisions', key, set: { breached: true } }];
    case SlaEvents.timerStopped:
      return [{ table: 'decisions', key, set: { breached: p.breached === true } }];
    default:
      return [];
  }
}

/**
 * Several changes of one row folded into one, as applying them one after another would leave it:
 * later columns win; a task-list revision older than the row's changes nothing.
 */
export function mergeWork(records: readonly WorkRecord[]): WorkRecord[] {
  const rows = new Map<string, WorkRecord>();
  for (const r of records) {
    const id = `${r.table}\u0000${WORK_KEYS[r.table].map((k) => String(r.key[k])).join('\u0000')}`;
    const before = rows.get(id);
    if (!before) {
      rows.set(id, { ...r, set: { ...r.set } });
      continue;
    }
    if (r.onlyIfNewer && Number(r.set.revision) < Number(before.set.revision)) continue;
    before.set = { ...before.set, ...r.set };
  }
  return [...rows.values()];
}
