import { Injectable } from '@nestjs/common';
import { TransactionContext, mutate } from '@ticketing/database';
import { OutboxWriter } from '@ticketing/messaging';
import { DueStep, FiredSteps } from '../domain/due-step';
import { FiringRepository } from '../domain/firing.repository';
import { appendSlaEvents } from './sla-outbox';

interface ClaimedRow {
  step: string;
  step_index: number;
  fire_at: Date;
  fired_at: Date;
  timer_id: string;
  ticket_id: string;
  kind: DueStep['kind'];
  department_id: string | null;
  due_at: Date | null;
  state: DueStep['state'];
  revision: number;
}

/** Planned steps in sla.timer_firings; the partial index on unfired ones finds what is due. */
@Injectable()
export class TypeormFiringRepository extends FiringRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async claimDue(now: Date, limit: number): Promise<DueStep[]> {
    const rows = await mutate<ClaimedRow>(
      this.tx.writer,
      // Locks the timer with its firing, and skips both when a consumer or a recompute holds the
      // timer: they lock timers before firings, so taking firings first would deadlock with them.
      `WITH due AS (
         SELECT f.id FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id
          WHERE f.fired_at IS NULL AND f.fire_at <= $1
          ORDER BY f.fire_at LIMIT $2 FOR UPDATE OF f, t SKIP LOCKED)
       UPDATE sla.timer_firings f SET fired_at = clock_timestamp()
         FROM due, sla.timers t
        WHERE f.id = due.id AND t.id = f.timer_id
       RETURNING f.step, f.step_index, f.fire_at, f.fired_at, t.id AS timer_id, t.ticket_id, t.kind, t.department_id,
                 t.due_at, t.state, t.revision`,
      [now, limit],
    );
    return rows.map((r) => ({
      step: r.step,
      stepIndex: r.step_index,
      fireAt: r.fire_at.getTime(),
      firedAt: r.fired_at.getTime(),
      timerId: r.timer_id,
      ticketId: r.ticket_id,
      kind: r.kind,
      departmentId: r.department_id,
      dueAt: r.due_at ? r.due_at.getTime() : null,
      state: r.state,
      revision: r.revision,
    }));
  }

  async save(fired: FiredSteps): Promise<void> {
    const m = this.tx.writer;
    if (fired.breachedTimerIds.length) {
      await mutate(
        m,
        'UPDATE sla.timers SET breached_at = COALESCE(breached_at, due_at) WHERE id = ANY($1::uuid[])',
        [fired.breachedTimerIds],
      );
    }
    await appendSlaEvents(this.outbox, m, fired.events);
  }

  async nextDueAt(): Promise<number | null> {
    const [next]: { fire_at: Date }[] = await this.tx.manager.query(
      'SELECT fire_at FROM sla.timer_firings WHERE fired_at IS NULL ORDER BY fire_at LIMIT 1',
    );
    return next ? next.fire_at.getTime() : null;
  }
}
