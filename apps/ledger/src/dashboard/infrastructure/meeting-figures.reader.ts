import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { MEETING_COUNT_DEFINITIONS, MeetingCounts } from '../../figures/domain/meeting-counts';

export interface MeetingRow {
  meetingId: string;
  title: string | null;
  heldAt: string | null;
  place: string | null;
  summary: string | null;
  decisions: {
    decisionId: string;
    title: string | null;
    task: string | null;
    leadDepartmentId: string | null;
    dueAt: string | null;
    breached: boolean | null;
    cooperation: boolean;
    progress: string | null;
    lastReport: string | null;
    outcome: string | null;
  }[];
}

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

@Injectable()
export class MeetingFiguresReader {
  constructor(private readonly tx: TransactionContext) {}

  async counts(months: readonly string[]): Promise<MeetingCounts> {
    const D = MEETING_COUNT_DEFINITIONS;
    const [row]: MeetingCounts[] = await this.tx.manager.query(
      `SELECT (SELECT count(*)::int FROM ledger.meetings m WHERE ${D.held.sql}) AS held,
              (SELECT count(*)::int FROM ledger.decisions d WHERE ${D.decided.sql}) AS decided,
              (SELECT count(*)::int FROM ledger.decisions d WHERE ${D.solved.sql}) AS solved,
              (SELECT count(*)::int FROM ledger.decisions d WHERE ${D.cooperations.sql}) AS cooperations`,
      [months],
    );
    return row;
  }

  /** Meetings held in the months, oldest first, each with the decisions it made. */
  async held(months: readonly string[]): Promise<MeetingRow[]> {
    const meetings: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT * FROM ledger.meetings m WHERE ${MEETING_COUNT_DEFINITIONS.held.sql} ORDER BY m.held_at, m.meeting_id`,
      [months],
    );
    if (!meetings.length) return [];
    const decisions: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT * FROM ledger.decisions d WHERE d.meeting_id = ANY($1::text[]) ORDER BY d.decided_at, d.decision_id`,
      [meetings.map((m) => m.meeting_id)],
    );
    return meetings.map((m) => ({
      meetingId: String(m.meeting_id),
      title: (m.title as string) ?? null,
      heldAt: iso(m.held_at),
      place: (m.place as string) ?? null,
      summary: (m.summary as string) ?? null,
      decisions: decisions
        .filter((d) => d.meeting_id === m.meeting_id)
        .map((d) => ({
          decisionId: String(d.decision_id),
          title: (d.title as string) ?? null,
          task: (d.task as string) ?? null,
          leadDepartmentId: (d.lead_department_id as string) ?? null,
          dueAt: iso(d.due_at),
          breached: (d.breached as boolean | null) ?? null,
          cooperation: d.cooperation === true,
          progress: (d.progress as string) ?? null,
          lastReport: (d.last_report as string) ?? null,
          outcome: (d.outcome as string) ?? null,
        })),
    }));
  }
}
