import { RunningService } from '@ticketing/platform';
import { Client } from 'pg';
import {
  createTestDatabase,
  eventually,
  idsInOneLane,
  statementParts,
  statementsOf,
} from '@ticketing/testing';
import { api, assigned, deliver, sql, startSla, ticketEvent, ticketId, users } from './sla-test-kit';

interface TimerView {
  id: string;
  kind: string;
  departmentId: string | null;
  state: string;
  outcome: string | null;
  dueAt: string | null;
  startedAt: string;
  pausedIntervals: { from: string; to: string | null }[];
  ms: {
    allowance: number;
    active: number;
    remaining: number;
    elapsedWorking: number;
    pausedWorking: number;
    elapsedWall: number;
    pausedWall: number;
  };
  remainingWorkingMinutes: number;
}

describe('sla timers follow the ticket lifecycle', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sla: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('sla_life');
    sla = await startSla(db.url);
  });
  afterAll(async () => {
    await sla.close();
    await db.drop();
  });

  const timers = async (id: string, user = users.committee): Promise<TimerView[]> =>
    (await api(sla, 'GET', `/api/v1/sla/tickets/${id}/timers`, user)).body.timers;
  const outboxTypes = async (id: string) =>
    (
      await sql<{ type: string; reason: string | null }>(
        db.url,
        `SELECT type, CASE WHEN type = 'sla.deadline-set' THEN envelope->'payload'->>'reason' END AS reason FROM sla.outbox WHERE key = $1 ORDER BY seq`,
        [id],
      )
    ).map((r) => (r.reason ? `${r.type}:${r.reason}` : r.type));

  it('runs the committee’s triage clock from the triage queue to the assignment', async () => {
    const id = ticketId();
    const t = { ticketId: id, enterpriseId: 'ent-A', leadDepartmentId: null, coHandlerDepartmentIds: [] };
    // Monday 2025-03-03 10:00 Beijing: no rule routed it; the desk has 2 working hours.
    await deliver(sla, [
      ticketEvent(
        'ticket.triage-queued',
        { ...t, status: 'triage' },
        { departmentId: null, reason: 'no rule matched' },
        new Date('2025-03-03T02:00:00Z'),
      ),
    ]);
    let view = await timers(id);
    expect(view.map((v) => [v.kind, v.departmentId, v.state])).toEqual([['triage', null, 'running']]);
    expect(view[0]!.dueAt).toBe('2025-03-03T04:00:00.000Z');
    // (2025 is past: the warning and breach fire at once; the outcome below is judged at the stop.)
    expect((await outboxTypes(id))[0]).toBe('sla.deadline-set:opened');

    // Named by the committee an hour later: the triage clock stops in time, the lead's starts.
    const routed = { ...t, leadDepartmentId: 'dep-hr' };
    await deliver(sla, [
      ticketEvent(
        'ticket.assigned',
        { ...routed, status: 'assigned' },
        { via: 'manual', ruleId: null, previousLeadDepartmentId: null, firstHandlerDepartmentId: 'dep-hr' },
        new Date('2025-03-03T03:00:00Z'),
      ),
    ]);
    view = await timers(id);
    expect(view.map((v) => [v.kind, v.departmentId, v.state, v.outcome])).toEqual([
      ['triage', null, 'stopped', 'met'],
      ['respond', 'dep-hr', 'running', null],
    ]);
  });

  it('opens, pauses, extends, transfers and stops timers as the events say, and the figures add up', async () => {
    const id = ticketId();
    const t = {
      ticketId: id,
      enterpriseId: 'ent-A',
      leadDepartmentId: 'dep-hr',
      coHandlerDepartmentIds: ['dep-it'],
    };
    // Monday 2025-03-03 10:00 Beijing.
    await deliver(sla, [assigned(t, new Date('2025-03-03T02:00:00Z'))]);
    let view = await timers(id);
    expect(view.map((v) => [v.kind, v.departmentId, v.state])).toEqual([['respond', 'dep-hr', 'running']]);
    expect(view[0]!.dueAt).toBe('2025-03-04T09:30:00.000Z'); // 1 working day: end of Tuesday

    await deliver(sla, [
      ticketEvent(
        'ticket.acknowledged',
        { ...t, status: 'in_progress' },
        { departmentId: 'dep-hr', reason: '' },
        new Date('2025-03-03T03:00:00Z'),
      ),
    ]);
    view = await timers(id);
    expect(view.map((v) => [v.kind, v.departmentId, v.state, v.outcome])).toEqual([
      ['respond', 'dep-hr', 'stopped', 'met'],
      ['resolve', 'dep-hr', 'running', null],
      ['reply', 'dep-hr', 'running', null],
      ['co_handler_report', 'dep-it', 'running', null],
    ]);
    const resolve = view[1]!;
    expect(resolve.dueAt).toBe('2025-03-10T09:30:00.000Z'); // 5 working days after Monday

    // Extension requested Tue 10:00, decided Wed 10:00 (approved to Fri 2025-03-14 17:30): the resolve timer pauses meanwhile.
    await deliver(sla, [
      ticketEvent(
        'ticket.extension-requested',
        { ...t, status: 'in_progress' },
        { departmentId: 'dep-hr', reason: 'need survey', proposedDueAt: '2025-03-14T09:30:00Z' },
        new Date('2025-03-04T02:00:00Z'),
      ),
    ]);
    view = await timers(id);
    expect(view.find((v) => v.kind === 'resolve')).toMatchObject({ state: 'paused', dueAt: null });
    expect(view.find((v) => v.kind === 'reply')).toMatchObject({ state: 'running' }); // its policy does not pause it
    await deliver(sla, [
      ticketEvent(
        'ticket.extension-decided',
        { ...t, status: 'in_progress' },
        { approved: true, newDueAt: '2025-03-14T09:30:00.000Z', note: null },
        new Date('2025-03-05T02:00:00Z'),
      ),
    ]);
    view = await timers(id);
    const extended = view.find((v) => v.kind === 'resolve')!;
    expect(extended).toMatchObject({ state: 'running', dueAt: '2025-03-14T09:30:00.000Z' });
    expect(extended.pausedIntervals).toEqual([
      { from: '2025-03-04T02:00:00.000Z', to: '2025-03-05T02:00:00.000Z', reason: 'extension_pending' },
    ]);
    for (const v of view) {
      expect(v.ms.active + v.ms.remaining).toBe(v.ms.allowance);
      expect(v.ms.elapsedWorking - v.ms.pausedWorking).toBeGreaterThanOrEqual(0);
    }
    expect(extended.ms.pausedWorking).toBe(7 * 3_600_000); // Tue 10:00 → Wed 10:00 is one working day

    // Transfer requested and approved: the first handler's resolve timer ends as 'transferred' with its time on record.
    await deliver(sla, [
      ticketEvent(
        'ticket.transfer-requested',
        { ...t, status: 'transfer_requested' },
        { departmentId: 'dep-hr', reason: 'not ours' },
        new Date('2025-03-05T03:00:00Z'),
      ),
    ]);
    expect((await timers(id)).find((v) => v.kind === 'transfer_arbitration')).toMatchObject({
      state: 'running',
      departmentId: null,
    });
    const t2 = { ...t, leadDepartmentId: 'dep-tax', coHandlerDepartmentIds: [] };
    await deliver(sla, [
      ticketEvent(
        'ticket.assigned',
        { ...t2, status: 'assigned' },
        {
          via: 'transfer',
          ruleId: null,
          previousLeadDepartmentId: 'dep-hr',
          firstHandlerDepartmentId: 'dep-hr',
        },
        new Date('2025-03-05T06:00:00Z'),
      ),
    ]);
    view = await timers(id);
    const first = view.find((v) => v.kind === 'resolve' && v.departmentId === 'dep-hr')!;
    expect(first).toMatchObject({ state: 'stopped', outcome: 'transferred' });
    expect(first.ms.active).toBe(first.ms.elapsedWorking - first.ms.pausedWorking);
    expect(first.ms.active).toBeGreaterThan(0);
    expect(view.find((v) => v.kind === 'transfer_arbitration')).toMatchObject({
      state: 'stopped',
      outcome: 'met',
    });
    expect(view.find((v) => v.kind === 'reply')).toMatchObject({ state: 'running', departmentId: 'dep-tax' });
    expect(view.filter((v) => v.kind === 'respond').map((v) => [v.departmentId, v.state])).toEqual([
      ['dep-hr', 'stopped'],
      ['dep-tax', 'running'],
    ]);

    // The new lead acknowledges, resolves, replies; the enterprise gives feedback.
    await deliver(sla, [
      ticketEvent(
        'ticket.acknowledged',
        { ...t2, status: 'in_progress' },
        { departmentId: 'dep-tax', reason: '' },
        new Date('2025-03-05T07:00:00Z'),
      ),
      ticketEvent(
        'ticket.resolved',
        { ...t2, status: 'resolved' },
        { departmentId: 'dep-tax', result: 'done', evidence: [] },
        new Date('2025-03-06T02:00:00Z'),
      ),
      ticketEvent(
        'ticket.replied',
        { ...t2, status: 'resolved' },
        { departmentId: 'dep-tax', message: 'done' },
        new Date('2025-03-06T02:05:00Z'),
      ),
    ]);
    view = await timers(id);
    expect(view.find((v) => v.kind === 'feedback')).toMatchObject({ state: 'running', departmentId: null });
    expect(view.filter((v) => v.kind === 'reply')).toHaveLength(1);
    await deliver(sla, [
      ticketEvent(
        'ticket.feedback-given',
        { ...t2, status: 'closed' },
        { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
        new Date('2025-03-07T02:00:00Z'),
      ),
    ]);
    view = await timers(id);
    expect(view.filter((v) => v.state !== 'stopped').map((v) => [v.kind, v.departmentId, v.state])).toEqual(
      [],
    );
    const events = await outboxTypes(id);
    expect(events).toContain('sla.timer-paused');
    expect(events).toContain('sla.deadline-set:extended');
    expect(events).toContain('sla.deadline-set:resumed');
    expect(events).toContain('sla.deadline-set:reassigned');
    expect(events.filter((e) => e === 'sla.timer-stopped')).toHaveLength(view.length);
    // Timers of 2025 are long overdue by now: each overdue breach fired once, at once.
    await eventually(
      async () =>
        (await sql(db.url, `SELECT 1 FROM sla.outbox WHERE key = $1 AND type = 'sla.breached'`, [id]))
          .length > 0,
      5000,
    );
  });

  it('stops a clock that another transaction opened while the feedback waited for the ticket', async () => {
    const id = ticketId();
    const t = { ticketId: id, enterpriseId: 'ent-A', leadDepartmentId: 'dep-hr', coHandlerDepartmentIds: [] };
    await deliver(sla, [assigned(t)]);
    // Another transaction (as the callback clock of a lapsed feedback window is opened) holds the
    // ticket's row and opens a clock of the ticket; it commits while the feedback waits for the row.
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM sla.tickets WHERE ticket_id = $1 FOR UPDATE', [id]);
      await other.query(
        `INSERT INTO sla.timers
         SELECT (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid(), 'kind', 'callback', 'department_id', null))).*
           FROM sla.timers t WHERE t.ticket_id = $1 AND t.kind = 'respond'`,
        [id],
      );
      const feedback = deliver(sla, [
        ticketEvent(
          'ticket.feedback-given',
          { ...t, status: 'closed' },
          { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
        ),
      ]);
      await eventually(
        async () =>
          (
            await sql(
              db.url,
              `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%sla.tickets%' AND pid <> $1`,
              [(await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid],
            )
          ).length > 0,
        10_000,
      );
      await other.query('COMMIT');
      await feedback;
    } finally {
      await other.end();
    }
    const view = await timers(id);
    expect(view.map((v) => v.kind).sort()).toEqual(['callback', 'respond']);
    expect(view.filter((v) => v.state !== 'stopped').map((v) => [v.kind, v.state])).toEqual([]);
  });

  it('writes an opened timer’s steps without a delete, and removes a stopped timer’s unfired steps', async () => {
    const id = ticketId();
    const t = { ticketId: id };
    const respondSteps = () =>
      sql<{ step: string; fired: boolean }>(
        db.url,
        `SELECT f.step, f.fired_at IS NOT NULL AS fired FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id
          WHERE t.ticket_id = $1 AND t.kind = 'respond' ORDER BY f.step_index`,
        [id],
      );
    // A save's statement holds its steps' INSERT with the timers and the events (writeTogether).
    const stepWrites = (statements: string[]) =>
      statementParts(statements)
        .map((q) => q.trim())
        .filter((q) => /^(DELETE FROM|INSERT INTO) sla\.timer_firings/.test(q))
        .map((q) => q.split(/\s+/).slice(0, 2).join(' '));

    // Assigned now: the respond clock opens with its steps (warning, breach, …) still to come.
    const opened = await statementsOf(() => deliver(sla, [assigned(t)]));
    expect(stepWrites(opened)).toEqual(['INSERT INTO']);
    // The ticket's copy written (its row locked), then its open timers read and locked, then the
    // timers, their steps and the events written in one statement.
    const copyAndTimers = opened.filter((q) => /\bsla\.(tickets|timers)\b/.test(q));
    expect(copyAndTimers).toHaveLength(3);
    expect(copyAndTimers[0]).toMatch(/^INSERT INTO sla\.tickets/);
    expect(copyAndTimers[1]).toMatch(
      /^SELECT k\.ticket_id AS holds_of[\s\S]* FROM sla\.timers WHERE ticket_id = k\.ticket_id/,
    );
    expect(
      statementParts([copyAndTimers[2]]).map((q) => q.trim().split(/\s+/).slice(0, 3).join(' ')),
    ).toEqual(['INSERT INTO sla.timers', 'INSERT INTO sla.timer_firings', 'INSERT INTO "sla".outbox']);
    const planned = await respondSteps();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((s) => !s.fired)).toBe(true);

    // Acknowledged: the respond clock stops and its unfired steps go; the resolve clock opens.
    const acknowledged = await statementsOf(() =>
      deliver(sla, [
        ticketEvent(
          'ticket.acknowledged',
          { ...t, status: 'in_progress' },
          { departmentId: 'dep-hr', reason: '' },
        ),
      ]),
    );
    expect(stepWrites(acknowledged)).toEqual(['DELETE FROM', 'INSERT INTO']);
    expect(await respondSteps()).toEqual([]);
  });

  it('applies a delivered batch of several tickets with one write of their copies and one read of their clocks', async () => {
    // Three tickets in one lane of the in-process transport, so that one batch delivers their events.
    const [a, b, c] = idsInOneLane(3, ticketId);
    const on = (id: string) => ({
      ticketId: id,
      leadDepartmentId: 'dep-hr',
      coHandlerDepartmentIds: ['dep-it'],
    });
    const events = [
      assigned(on(a)),
      assigned(on(b)),
      ticketEvent(
        'ticket.acknowledged',
        { ...on(a), status: 'in_progress' },
        { departmentId: 'dep-hr', reason: '' },
      ),
      assigned(on(c)),
    ];
    const batch = await statementsOf(() => deliver(sla, events));
    const copiesAndReads = batch.filter((q) =>
      /^(INSERT INTO sla\.tickets|SELECT k\.ticket_id AS holds_of)/.test(q),
    );
    expect(copiesAndReads.map((q) => q.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'INSERT INTO sla.tickets',
      'SELECT k.ticket_id AS',
    ]);
    // What one by one would have done: a's respond clock met, its resolve, reply and co-handler
    // clocks open; b's and c's respond clocks run.
    const states = async (id: string) => (await timers(id)).map((t) => [t.kind, t.departmentId, t.state]);
    expect(await states(a)).toEqual([
      ['respond', 'dep-hr', 'stopped'],
      ['resolve', 'dep-hr', 'running'],
      ['reply', 'dep-hr', 'running'],
      ['co_handler_report', 'dep-it', 'running'],
    ]);
    expect(await states(b)).toEqual([['respond', 'dep-hr', 'running']]);
    expect(await states(c)).toEqual([['respond', 'dep-hr', 'running']]);
    expect(await outboxTypes(a)).toEqual([
      'sla.deadline-set:opened',
      'sla.timer-stopped',
      'sla.deadline-set:opened',
      'sla.deadline-set:opened',
      'sla.deadline-set:opened',
    ]);
    // Each recorded event is caused by the ticket event it applied, in that event's correlation.
    const causes = await sql<{ correlation: string; causation: string }>(
      db.url,
      `SELECT envelope->>'correlationId' AS correlation, envelope->>'causationId' AS causation FROM sla.outbox WHERE key = $1 ORDER BY seq`,
      [a],
    );
    const [assignedA, , acknowledgedA] = events;
    expect(causes).toEqual([
      { correlation: assignedA.correlationId, causation: assignedA.id },
      ...Array(4).fill({ correlation: acknowledgedA.correlationId, causation: acknowledgedA.id }),
    ]);
  });

  it('shows timers to the owning enterprise and the departments on the ticket only; to anyone else the ticket does not exist', async () => {
    const id = ticketId();
    const t = {
      ticketId: id,
      enterpriseId: 'ent-B',
      leadDepartmentId: 'dep-land',
      coHandlerDepartmentIds: ['dep-plan'],
    };
    await deliver(sla, [assigned(t)]);
    const get = (u: Parameters<typeof api>[3]) => api(sla, 'GET', `/api/v1/sla/tickets/${id}/timers`, u);
    const unknown = await api(sla, 'GET', `/api/v1/sla/tickets/unknown/timers`, users.admin);
    expect(unknown.status).toBe(404);
    expect((await get(users.enterprise('ent-B'))).status).toBe(200);
    expect((await get(users.department('dep-land'))).status).toBe(200);
    expect((await get(users.department('dep-plan'))).status).toBe(200);
    expect((await get(users.admin)).status).toBe(200);
    // Another's ticket answers exactly as an unknown one, so its existence does not leak.
    for (const stranger of [users.enterprise('ent-C'), users.department('dep-tax')]) {
      const r = await get(stranger);
      expect(r.status).toBe(404);
      expect(r.body.type).toBe(unknown.body.type);
      expect(r.body.detail).toBe(unknown.body.detail.replace('unknown', id));
    }
    const queue = await api(sla, 'GET', '/api/v1/sla/queue?kind=respond', users.department('dep-land'));
    expect(queue.body.items.map((i: { ticketId: string }) => i.ticketId)).toContain(id);

    // Transferred away, the first department no longer sees the ticket, though it held a timer on it.
    await deliver(sla, [
      ticketEvent(
        'ticket.assigned',
        { ...t, leadDepartmentId: 'dep-water', coHandlerDepartmentIds: [] },
        {
          via: 'transfer',
          ruleId: null,
          previousLeadDepartmentId: 'dep-land',
          firstHandlerDepartmentId: 'dep-land',
        },
      ),
    ]);
    expect(
      (await get(users.committee)).body.timers.some((v: TimerView) => v.departmentId === 'dep-land'),
    ).toBe(true);
    expect((await get(users.department('dep-land'))).status).toBe(404);
    expect((await get(users.department('dep-water'))).status).toBe(200);
  });

  it('recomputes the open timers of an edited policy, leaving stopped timers alone', async () => {
    const created = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, {
      name: 'finance normal',
      category: 'finance',
      urgency: 'normal',
      definition: {
        calendarId: 'default',
        timers: { respond: { duration: { amount: 2, unit: 'working_days' } } },
      },
    });
    const open = Array.from({ length: 5 }, ticketId);
    const done = ticketId();
    const at = new Date('2030-03-04T02:00:00Z'); // Monday 10:00 Beijing, far enough to stay unfired
    await deliver(
      sla,
      [...open, done].map((tid) => assigned({ ticketId: tid, category: 'finance' }, at)),
    );
    await deliver(sla, [
      ticketEvent(
        'ticket.withdrawn',
        { ticketId: done, category: 'finance', status: 'withdrawn' },
        { departmentId: null, reason: 'solved' },
        at,
      ),
    ]);
    const stoppedBefore = await sql(db.url, 'SELECT * FROM sla.timers WHERE ticket_id = $1', [done]);
    expect((await timers(open[0]!)).map((v) => v.dueAt)).toEqual(['2030-03-06T09:30:00.000Z']);

    const edit = await api(sla, 'PUT', `/api/v1/sla/policies/${created.body.id}`, users.committee, {
      expectedVersion: 1,
      definition: {
        calendarId: 'default',
        timers: { respond: { duration: { amount: 4, unit: 'working_hours' } } },
      },
    });
    expect(edit.status).toBe(200);
    await eventually(
      async () =>
        (
          await sql(
            db.url,
            'SELECT 1 FROM sla.recompute_jobs WHERE finished_at IS NOT NULL AND target = $1',
            [created.body.id],
          )
        ).length === 1,
    );
    for (const tid of open)
      expect((await timers(tid))[0]).toMatchObject({ dueAt: '2030-03-04T07:30:00.000Z' }); // 10:00–12:00 and 13:30–15:30
    expect(await sql(db.url, 'SELECT * FROM sla.timers WHERE ticket_id = $1', [done])).toEqual(stoppedBefore);
    const jobs = (await api(sla, 'GET', '/api/v1/sla/recompute-jobs', users.admin)).body;
    expect(jobs[0]).toMatchObject({ scope: 'policy', processed: 5, changed: 5 });
    const recomputed = await sql(
      db.url,
      `SELECT 1 FROM sla.outbox WHERE type = 'sla.deadline-set' AND envelope->'payload'->>'reason' = 'recomputed'`,
    );
    expect(recomputed).toHaveLength(5);
  });
});
