import { Injectable } from '@nestjs/common';
import {
  Notification,
  Statement,
  TransactionContext,
  mutate,
  statementBehind,
  writeBehind,
} from '@ticketing/database';
import { OutboxWriter } from '@ticketing/messaging';
import { PauseCondition } from '../../policies/domain/policy';
import { DecisionClock, DecisionFacts, DecisionStatus } from '../domain/decision-clock.aggregate';
import { RecomputeJob } from '../domain/recompute-job';
import { SlaRecordedEvent } from '../domain/sla-event';
import { TicketFacts, TicketHolds, TicketTimers } from '../domain/ticket-timers.aggregate';
import { Timer } from '../domain/timer.aggregate';
import { GovernedTimer, TimerRepository } from '../domain/timer.repository';
import { FIRINGS_CHANNEL } from './channels';
import { slaEventRows } from './sla-outbox';
import {
  TIMER_COLUMNS_SOURCE,
  TIMER_ROW_SELECT,
  TimerRow,
  timerColumns,
  timerSnapshotOf,
} from './timer.mapper';

interface HoldsRow {
  pause_conditions: PauseCondition[];
  information_request_ids: string[];
}

interface TicketRow {
  ticket_id: string;
  number: string | null;
  enterprise_id: string | null;
  grid_id: string | null;
  category: string;
  urgency: string;
  status: string;
  lead_department_id: string | null;
  co_handler_department_ids: string[];
}

interface DecisionRow {
  decision_id: string;
  meeting_id: string;
  ticket_id: string | null;
  lead_department_id: string;
  co_handler_department_ids: string[];
  due_working_days: number;
  decided_at: Date;
  status: DecisionStatus;
}

const holdsOf = (r: HoldsRow | undefined): TicketHolds => ({
  conditions: r?.pause_conditions ?? [],
  informationRequestIds: r?.information_request_ids ?? [],
});

/**
 * Timers in sla.timers, their planned steps in sla.timer_firings, what we know of tickets in
 * sla.tickets and of meeting decisions in sla.decisions.
 */
@Injectable()
export class TypeormTimerRepository extends TimerRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async openTimersOf(tickets: readonly TicketFacts[]): Promise<TicketTimers[]> {
    // Each ticket once, with the facts of its last event (they are in delivery order).
    const last = [...new Map(tickets.map((t) => [t.ticketId, t])).values()];
    // The tickets' copies written first, their rows locked in the order of their ids (two batches
    // never wait on each other in a circle); sent behind, they leave in the same socket write as
    // the read after them (ADR 0023).
    await statementBehind(this.tx.writer, UPSERT_COPIES, [
      last.map((t) => t.ticketId),
      last.map((t) => t.number),
      last.map((t) => t.enterpriseId),
      last.map((t) => t.gridId),
      last.map((t) => t.category),
      last.map((t) => t.urgency),
      last.map((t) => t.status),
      last.map((t) => t.leadDepartmentId),
      JSON.stringify(last.map((t) => t.coHandlerDepartmentIds)),
    ]);
    // Then their holds and open timers, read and locked in a statement of their own, so after the
    // copies' locks: read in the same statement, they would come from the snapshot taken before
    // the lock was waited for, and a clock another transaction opened meanwhile (the callback clock
    // of a feedback window that lapsed) would be missing; a stop of every clock (feedback given,
    // closed) would leave it running (ADR 0020).
    const rows: (TimerRow & HoldsRow & { holds_of: string })[] = await this.tx.writer.query(
      OPEN_TIMERS_OF_TICKETS,
      [last.map((t) => t.ticketId)],
    );
    const found = new Map<string, { holds: HoldsRow; open: Timer[] }>();
    for (const r of rows) {
      let ticket = found.get(r.holds_of);
      if (!ticket) found.set(r.holds_of, (ticket = { holds: r, open: [] }));
      if (r.id) ticket.open.push(Timer.restore(timerSnapshotOf(r)));
    }
    return last.map((t) => {
      const ticket = found.get(t.ticketId);
      return new TicketTimers(t, ticket?.open ?? [], holdsOf(ticket?.holds));
    });
  }

  async knownTicket(ticketId: string): Promise<TicketTimers | null> {
    const [row]: (TicketRow & HoldsRow)[] = await this.tx.writer.query(
      `SELECT * FROM sla.tickets WHERE ticket_id = $1 FOR UPDATE`,
      [ticketId],
    );
    if (!row) return null;
    const facts: TicketFacts = {
      ticketId: row.ticket_id,
      number: row.number,
      enterpriseId: row.enterprise_id,
      gridId: row.grid_id,
      category: row.category,
      urgency: row.urgency,
      status: row.status,
      leadDepartmentId: row.lead_department_id,
      coHandlerDepartmentIds: row.co_handler_department_ids,
    };
    return new TicketTimers(facts, await this.openTimers(ticketId, 'ticket'), holdsOf(row));
  }

  async saveHolds(ticketId: string, holds: TicketHolds): Promise<void> {
    await mutate(
      this.tx.writer,
      `UPDATE sla.tickets SET pause_conditions = $2, information_request_ids = $3, updated_at = now() WHERE ticket_id = $1`,
      [ticketId, holds.conditions, holds.informationRequestIds],
    );
  }

  async decisionClock(decisionId: string): Promise<DecisionClock> {
    const [row]: DecisionRow[] = await this.tx.writer.query(
      `SELECT * FROM sla.decisions WHERE decision_id = $1 FOR UPDATE`,
      [decisionId],
    );
    const facts: DecisionFacts | null = row
      ? {
          decisionId: row.decision_id,
          meetingId: row.meeting_id,
          ticketId: row.ticket_id,
          leadDepartmentId: row.lead_department_id,
          coHandlerDepartmentIds: row.co_handler_department_ids,
          dueWorkingDays: row.due_working_days,
          decidedAt: row.decided_at.getTime(),
          status: row.status,
        }
      : null;
    return new DecisionClock(facts, await this.openTimers(decisionId, 'decision'));
  }

  async saveDecision(d: DecisionFacts): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO sla.decisions (decision_id, meeting_id, ticket_id, lead_department_id, co_handler_department_ids,
                                  due_working_days, decided_at, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (decision_id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id, ticket_id = EXCLUDED.ticket_id,
         lead_department_id = EXCLUDED.lead_department_id, co_handler_department_ids = EXCLUDED.co_handler_department_ids,
         due_working_days = EXCLUDED.due_working_days, decided_at = EXCLUDED.decided_at, status = EXCLUDED.status,
         updated_at = now()`,
      [
        d.decisionId,
        d.meetingId,
        d.ticketId,
        d.leadDepartmentId,
        d.coHandlerDepartmentIds,
        d.dueWorkingDays,
        new Date(d.decidedAt),
        d.status,
      ],
    );
  }

  /** A ticket's open timers (a decision's clock is not among them), or a decision's, locked. */
  private async openTimers(key: string, subject: 'ticket' | 'decision'): Promise<Timer[]> {
    const rows: TimerRow[] = await this.tx.writer.query(OPEN_TIMERS, [key, subject === 'decision']);
    return rows.map((r) => Timer.restore(timerSnapshotOf(r)));
  }

  async governedBy(job: RecomputeJob, limit: number): Promise<GovernedTimer[]> {
    const filter = job.scope === 'policy' ? 't.policy_id = $1::uuid' : 't.calendar_id = $1';
    const rows: (TimerRow & { category: string | null; urgency: string | null })[] =
      await this.tx.writer.query(
        `SELECT t.*, k.category, k.urgency FROM sla.timers t LEFT JOIN sla.tickets k ON k.ticket_id = t.ticket_id
        WHERE t.state <> 'stopped' AND ${filter} AND ($2::uuid IS NULL OR t.id > $2::uuid)
        ORDER BY t.id LIMIT $3 FOR UPDATE OF t`,
        [job.target, job.cursor, limit],
      );
    return rows.map((r) => ({
      timer: Timer.restore(timerSnapshotOf(r)),
      category: r.category ?? '',
      urgency: r.urgency ?? '',
    }));
  }

  async save(timers: readonly Timer[], events: readonly SlaRecordedEvent[]): Promise<void> {
    const m = this.tx.writer;
    const opened = timers.filter((t) => t.isNew).map((t) => t.snapshot());
    const changed = timers.filter((t) => !t.isNew && t.isChanged).map((t) => t.snapshot());
    // The timers, their planned steps and the events: one statement (ADR 0020).
    const writes: Statement[] = [];
    const notify: Notification[] = [];
    if (opened.length) {
      writes.push([
        `INSERT INTO sla.timers (id, ticket_id, kind, department_id, policy_id, policy_version, calendar_id, basis,
                                 started_at, budget_ms, extension_ms, pauses, pause_when, due_at, state, outcome,
                                 stopped_at, revision, own_duration)
         SELECT u.id, u.ticket_id, u.kind, u.department_id, u.policy_id, u.policy_version, u.calendar_id, u.basis,
                u.started_at, u.budget_ms, u.extension_ms, u.pauses::jsonb,
                ARRAY(SELECT jsonb_array_elements_text(u.pause_when::jsonb)), u.due_at, u.state, u.outcome,
                u.stopped_at, u.revision, u.own_duration::jsonb
           FROM ${TIMER_COLUMNS_SOURCE}`,
        timerColumns(opened),
      ]);
    }
    if (changed.length) {
      writes.push([
        `UPDATE sla.timers t SET department_id = u.department_id, policy_id = u.policy_id,
                policy_version = u.policy_version, calendar_id = u.calendar_id, basis = u.basis,
                budget_ms = u.budget_ms, extension_ms = u.extension_ms, pauses = u.pauses::jsonb,
                pause_when = ARRAY(SELECT jsonb_array_elements_text(u.pause_when::jsonb)), due_at = u.due_at,
                state = u.state, outcome = u.outcome, stopped_at = u.stopped_at, revision = u.revision
           FROM ${TIMER_COLUMNS_SOURCE}
          WHERE t.id = u.id`,
        timerColumns(changed),
      ]);
    }
    const firings = await this.replanFirings(timers);
    if (firings) {
      writes.push(firings.insert);
      notify.push(firings.wake);
    }
    const outbox = slaEventRows(this.outbox, m, events);
    if (outbox) {
      writes.push(outbox);
      notify.push(this.outbox.channel);
    }
    // Sent behind: it leaves with the next statement or the COMMIT (ADR 0023).
    if (writes.length) await writeBehind(m, writes, notify);
  }

  /**
   * The replanned timers' steps: their unfired ones deleted at once, by themselves (the new steps'
   * INSERT must see them gone, and fired ones stay, ON CONFLICT, so a step never fires twice), and
   * the INSERT of the new ones with the wake-up of the firing schedulers (every instance) for the
   * earliest of them, for the save's statement.
   */
  private async replanFirings(
    timers: readonly Timer[],
  ): Promise<{ insert: Statement; wake: Notification } | null> {
    const replanned = timers.filter((t) => t.plannedFirings !== undefined);
    if (!replanned.length) return null;
    // A timer opened in this save has no steps yet: nothing to delete (one statement fewer per intake).
    const existing = replanned.filter((t) => !t.isNew);
    if (existing.length)
      await mutate(
        this.tx.writer,
        'DELETE FROM sla.timer_firings WHERE timer_id = ANY($1::uuid[]) AND fired_at IS NULL',
        [existing.map((t) => t.id)],
      );
    const plans = replanned.flatMap((t) => t.plannedFirings!.map((firing) => ({ timerId: t.id, firing })));
    if (!plans.length) return null;
    return {
      insert: [
        `INSERT INTO sla.timer_firings (timer_id, step, step_index, fire_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[])
         ON CONFLICT (timer_id, step) DO NOTHING`,
        [
          plans.map((p) => p.timerId),
          plans.map((p) => p.firing.step),
          plans.map((p) => p.firing.stepIndex),
          plans.map((p) => new Date(p.firing.fireAt)),
        ],
      ],
      wake: { channel: FIRINGS_CHANNEL, payload: String(Math.min(...plans.map((p) => p.firing.fireAt))) },
    };
  }
}

/**
 * The copies of tickets, from columns of their facts ($9: each ticket's co-handlers, a JSON array
 * of arrays), written in the order of their ids.
 */
const UPSERT_COPIES = `INSERT INTO sla.tickets (ticket_id, number, enterprise_id, grid_id, category, urgency, status, lead_department_id, co_handler_department_ids, updated_at)
  SELECT u.ticket_id, u.number, u.enterprise_id, u.grid_id, u.category, u.urgency, u.status, u.lead_department_id,
         ARRAY(SELECT jsonb_array_elements_text($9::jsonb -> (u.n::int - 1))), now()
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         WITH ORDINALITY AS u(ticket_id, number, enterprise_id, grid_id, category, urgency, status, lead_department_id, n)
   ORDER BY u.ticket_id
  ON CONFLICT (ticket_id) DO UPDATE SET number = EXCLUDED.number, enterprise_id = EXCLUDED.enterprise_id,
    grid_id = EXCLUDED.grid_id, category = EXCLUDED.category, urgency = EXCLUDED.urgency, status = EXCLUDED.status,
    lead_department_id = EXCLUDED.lead_department_id, co_handler_department_ids = EXCLUDED.co_handler_department_ids, updated_at = now()`;

/**
 * Tickets' holds (holds_of: the ticket) and their open timers, oldest first, locked: a row per
 * timer, or one with no timer (a null id) for a ticket with none open.
 */
const OPEN_TIMERS_OF_TICKETS = `SELECT k.ticket_id AS holds_of, k.pause_conditions, k.information_request_ids, t.*
    FROM sla.tickets k
    LEFT JOIN LATERAL (SELECT ${TIMER_ROW_SELECT} FROM sla.timers WHERE ticket_id = k.ticket_id AND state <> 'stopped' AND kind <> 'decision'
                        ORDER BY started_at, id FOR UPDATE) t ON true
   WHERE k.ticket_id = ANY($1::text[])
   ORDER BY k.ticket_id, t.started_at, t.id`;

/** A ticket's ($2 false) or a decision's ($2 true) open timers, oldest first, locked. */
const OPEN_TIMERS = `SELECT ${TIMER_ROW_SELECT} FROM sla.timers WHERE ticket_id = $1 AND state <> 'stopped' AND (kind = 'decision') = $2
        ORDER BY started_at, id FOR UPDATE`;
