import { DEFAULT_CATEGORIES, Topics, Urgencies } from '@ticketing/contracts';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually, sleep } from '@ticketing/testing';
import {
  api,
  assigned,
  deliver,
  meetingEvent,
  sql,
  startSla,
  ticketEvent,
  ticketId,
  users,
} from './sla-test-kit';

interface TimerView {
  id: string;
  kind: string;
  departmentId: string | null;
  state: string;
  outcome: string | null;
  basis: string;
  startedAt: string;
  dueAt: string | null;
  breachedAt: string | null;
  policy: { id: string; version: number };
  pausedIntervals: { from: string; to: string | null; reason: string }[];
  ms: { allowance: number; active: number; remaining: number; pausedWorking: number; elapsedWorking: number };
  pausedWorkingMinutes: number;
}

const HOUR = 3_600_000;

/**
 * The SLA engine's new clocks on real PostgreSQL: the pause while the enterprise is asked for
 * information (to the minute, on a calendar of its own), merged duplicates, the committee's callback
 * window after a lapsed feedback window, the clocks of joint meetings' decisions, and the corrected
 * default policies.
 */
describe('sla: pauses for the enterprise, merges, callbacks, decisions and the default policies', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sla: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('sla_clocks');
    sla = await startSla(db.url);
  });
  afterAll(async () => {
    await sla.close();
    await db.drop();
  });

  const timers = async (id: string, user = users.committee): Promise<TimerView[]> =>
    (await api(sla, 'GET', `/api/v1/sla/tickets/${id}/timers`, user)).body.timers;
  const decisionTimers = (id: string, user = users.committee) =>
    api(sla, 'GET', `/api/v1/sla/decisions/${encodeURIComponent(id)}/timers`, user);
  const outbox = (key: string) =>
    sql<{ type: string; payload: Record<string, unknown> }>(
      db.url,
      `SELECT type, envelope->'payload' AS payload FROM sla.outbox WHERE key = $1 ORDER BY seq`,
      [key],
    );
  const counts = async () =>
    (
      await sql(
        db.url,
        `SELECT (SELECT count(*) FROM sla.policies)::int AS policies, (SELECT count(*) FROM sla.timers)::int AS timers,
                (SELECT count(*) FROM sla.decisions)::int AS decisions, (SELECT count(*) FROM sla.recompute_jobs)::int AS jobs`,
      )
    )[0];
  const createPolicy = async (body: Record<string, unknown>) => {
    const r = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, body);
    expect([r.status, r.body]).toEqual([201, expect.objectContaining({ version: 1 })]);
    return r.body.id as string;
  };

  describe('the corrected default policies', () => {
    it('seeds Chinese names with the English beside them, and answers every ticket no later than its resolution, in working time', async () => {
      const active = (await api(sla, 'GET', '/api/v1/sla/policies', users.committee)).body as {
        name: string;
        nameEn: string;
        subject: string;
        category: string;
        urgency: string;
        version: number;
      }[];
      expect(active.map((p) => [p.subject, p.category, p.urgency, p.name, p.nameEn, p.version])).toEqual([
        ['ticket', 'utilities', 'normal', '水电气暖', 'Utilities', 2],
        ['ticket', '*', 'critical', '特急', 'Critical', 2],
        ['ticket', '*', 'urgent', '紧急', 'Urgent', 2],
        ['ticket', '*', '*', '默认时限', 'Default deadlines', 3],
        ['decision', '*', '*', '议定事项时限', 'Decisions of joint meetings', 1],
      ]);
      const calendars = (await api(sla, 'GET', '/api/v1/sla/calendars', users.committee)).body;
      expect(calendars[0]).toMatchObject({
        id: 'default',
        name: '全国（国务院通知）',
        nameEn: 'Mainland China (State Council notices)',
      });
      // The migration moved no deadline already given: it queued no recompute.
      expect((await counts()).jobs).toBe(0);

      // A ticket of each category and urgency, signed for on Friday 2030-03-08 at 16:00 (far enough to stay unfired).
      const signedAt = new Date('2030-03-08T08:00:00Z');
      const tickets = Urgencies.flatMap((urgency) =>
        DEFAULT_CATEGORIES.map(({ code }) => ({ ticketId: ticketId(), category: code, urgency })),
      );
      await deliver(
        sla,
        tickets.flatMap((t) => [
          assigned(t, signedAt),
          ticketEvent(
            'ticket.acknowledged',
            { ...t, status: 'in_progress' },
            { departmentId: 'dep-hr', reason: '' },
            signedAt,
          ),
        ]),
      );
      for (const t of tickets) {
        const view = await timers(t.ticketId);
        const resolve = view.find((v) => v.kind === 'resolve')!;
        const reply = view.find((v) => v.kind === 'reply')!;
        expect([
          t.category,
          t.urgency,
          resolve.basis,
          Date.parse(reply.dueAt!) <= Date.parse(resolve.dueAt!),
        ]).toEqual([t.category, t.urgency, 'working', true]);
      }
      const at = (category: string, urgency: string) =>
        tickets.find((t) => t.category === category && t.urgency === urgency)!;
      // The case: an urgent utilities ticket is due at the close of the next working day, not at 16:00 on Saturday.
      const urgentUtilities = await timers(at('utilities', 'urgent').ticketId);
      expect(urgentUtilities.find((v) => v.kind === 'resolve')!.dueAt).toBe('2030-03-11T09:30:00.000Z');
      expect(urgentUtilities.find((v) => v.kind === 'reply')!.dueAt).toBe('2030-03-11T09:30:00.000Z');
      const utilities = await timers(at('utilities', 'normal').ticketId);
      expect(utilities.find((v) => v.kind === 'resolve')!.dueAt).toBe('2030-03-12T09:30:00.000Z');
    });

    it('refuses with a 400 naming the field a policy whose reply would come after the resolution, writing nothing', async () => {
      const before = await counts();
      const active = (await api(sla, 'GET', '/api/v1/sla/policies', users.committee)).body as {
        id: string;
        version: number;
        subject: string;
        category: string;
        urgency: string;
        definition: { timers: Record<string, { duration: unknown }> };
      }[];
      const zoneWide = active.find((p) => p.subject === 'ticket' && p.category === '*' && p.urgency === '*')!;
      const urgent = active.find((p) => p.urgency === 'urgent')!;
      const lateReply = JSON.parse(JSON.stringify(zoneWide.definition));
      lateReply.timers.reply.duration = { amount: 10, unit: 'working_days' };
      const edit = await api(sla, 'PUT', `/api/v1/sla/policies/${zoneWide.id}`, users.committee, {
        expectedVersion: zoneWide.version,
        definition: lateReply,
      });
      expect(edit.status).toBe(400);
      expect(edit.body.type).toBe('urn:chuishao:problem:validation');
      expect(edit.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'definition.timers.reply.duration',
      ]);
      // Clock hours for an urgent resolution fall after the zone-wide reply on working days: the resolution is named.
      const clockHours = JSON.parse(JSON.stringify(urgent.definition));
      delete clockHours.timers.reply;
      clockHours.timers.resolve.duration = { amount: 24, unit: 'hours' };
      const urgentEdit = await api(sla, 'PUT', `/api/v1/sla/policies/${urgent.id}`, users.committee, {
        expectedVersion: urgent.version,
        definition: clockHours,
      });
      expect(urgentEdit.status).toBe(400);
      expect(urgentEdit.body.errors[0].field).toBe('definition.timers.resolve.duration');
      expect(urgentEdit.body.errors[0].messages[0]).toMatch(/labour × urgent/);
      const created = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, {
        name: '财税',
        nameEn: 'Tax',
        category: 'tax',
        urgency: '*',
        definition: {
          calendarId: 'default',
          timers: {
            resolve: { duration: { amount: 3, unit: 'working_days' } },
            // 22 working hours may outlast 3 working days begun after hours (3 × 7 h).
            reply: { duration: { amount: 22, unit: 'working_hours' } },
          },
        },
      });
      expect(created.status).toBe(400);
      expect(created.body.errors[0].field).toBe('definition.timers.reply.duration');
      const feedbackOnly = {
        calendarId: 'default',
        timers: { feedback: { duration: { amount: 1, unit: 'working_days' } } },
      };
      const refusals: [Record<string, unknown>, string][] = [
        [{ subject: 'meeting' }, 'subject'],
        [{ nameEn: '' }, 'nameEn'],
        [{ nameEn: 'x'.repeat(201) }, 'nameEn'],
        [
          { definition: { ...feedbackOnly, callbackWindow: { amount: -1, unit: 'hours' } } },
          'definition.callbackWindow.amount',
        ],
        [
          { definition: { ...feedbackOnly, pauseWhileAwaitingEnterprise: 'sometimes' } },
          'definition.pauseWhileAwaitingEnterprise',
        ],
        [{ subject: 'decision', definition: feedbackOnly }, 'definition.timers.feedback'],
      ];
      for (const [bad, field] of refusals) {
        const r = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, {
          name: '财税',
          category: bad.subject === 'decision' ? '*' : 'tax',
          urgency: '*',
          definition: feedbackOnly,
          ...bad,
        });
        expect([r.status, r.body.errors?.map((e: { field: string }) => e.field)]).toEqual([400, [field]]);
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('while the enterprise is asked for information', () => {
    it('stops the resolution clock and moves its deadline by the working time waited, to the minute, on the zone’s calendar', async () => {
      // A zone whose day starts at 08:30 and ends at 17:30.
      expect(
        (
          await api(sla, 'POST', '/api/v1/sla/calendars', users.admin, {
            id: 'zone-830',
            name: '八点半开门的园区',
            workingHours: [{ start: '08:30', end: '17:30' }],
          })
        ).status,
      ).toBe(201);
      await createPolicy({
        name: '法律服务',
        category: 'legal',
        urgency: '*',
        definition: {
          calendarId: 'zone-830',
          timers: {
            resolve: { duration: { amount: 5, unit: 'working_days' }, pauseWhen: ['extension_pending'] },
            reply: { duration: { amount: 5, unit: 'working_days' } },
          },
        },
      });
      const id = ticketId();
      const t = { ticketId: id, category: 'legal', enterpriseId: 'ent-L', leadDepartmentId: 'dep-justice' };
      const monday9 = new Date('2025-03-03T01:00:00Z'); // Monday 2025-03-03 09:00
      await deliver(sla, [
        assigned(t, monday9),
        ticketEvent(
          'ticket.acknowledged',
          { ...t, status: 'in_progress' },
          { departmentId: 'dep-justice', reason: '' },
          monday9,
        ),
      ]);
      let resolve = (await timers(id)).find((v) => v.kind === 'resolve')!;
      expect(resolve.dueAt).toBe('2025-03-10T09:30:00.000Z'); // the close (17:30) of Monday 03-10
      const dueBefore = resolve.dueAt!;

      // Asked Friday 03-07 at 16:00; answered Monday 03-10 at 10:00.
      const askedAt = new Date('2025-03-07T08:00:00Z');
      const answeredAt = new Date('2025-03-10T02:00:00Z');
      await deliver(sla, [
        ticketEvent(
          'ticket.information-requested',
          { ...t, status: 'in_progress' },
          { requestId: 'rq-legal-1', departmentId: 'dep-justice', question: '请补充合同原件扫描件' },
          askedAt,
        ),
      ]);
      let view = await timers(id);
      expect(view.find((v) => v.kind === 'resolve')).toMatchObject({ state: 'paused', dueAt: null });
      expect(view.find((v) => v.kind === 'reply')).toMatchObject({ state: 'running' }); // its rule does not pause
      await deliver(sla, [
        ticketEvent(
          'ticket.information-provided',
          { ...t, status: 'in_progress' },
          { requestId: 'rq-legal-1', answer: '已上传', attachments: [] },
          answeredAt,
        ),
      ]);
      view = await timers(id);
      resolve = view.find((v) => v.kind === 'resolve')!;
      // Waited: Friday 16:00–17:30 (90 min) and Monday 08:30–10:00 (90 min) = 180 working minutes.
      expect(resolve.pausedWorkingMinutes).toBe(180);
      expect(resolve.pausedIntervals).toEqual([
        { from: askedAt.toISOString(), to: answeredAt.toISOString(), reason: 'awaiting_enterprise' },
      ]);
      // The deadline moves by exactly that: Monday 17:30 + 3 working hours = Tuesday 03-11 11:30.
      expect(resolve.dueAt).toBe('2025-03-11T03:30:00.000Z');
      const byCalendar = await api(
        sla,
        'GET',
        `/api/v1/sla/calendars/zone-830/deadline?from=${encodeURIComponent(dueBefore)}&workingHours=3`,
        users.committee,
      );
      expect(byCalendar.body.dueAt).toBe(resolve.dueAt);
      expect(resolve.ms.active + resolve.ms.remaining).toBe(resolve.ms.allowance);
      expect(resolve.ms.pausedWorking).toBe(3 * HOUR);
      // Announced like the extension pause: paused (with the deadline it had), then resumed with the new one.
      // (The dates are past, so the firing scheduler may add the clock's steps — sla.breached — at any
      // moment in between: only the clock's own announcements are compared.)
      const events = (await outbox(id)).filter(
        (e) => e.payload.kind === 'resolve' && ['sla.timer-paused', 'sla.deadline-set'].includes(e.type),
      );
      expect(events.slice(-2).map((e) => [e.type, e.payload.reason, e.payload.dueAt])).toEqual([
        ['sla.timer-paused', 'awaiting_enterprise', dueBefore],
        ['sla.deadline-set', 'resumed', '2025-03-11T03:30:00.000Z'],
      ]);
    });
  });

  it('stops the running clocks of a duplicate merged into a main ticket as merged', async () => {
    const id = ticketId();
    const t = {
      ticketId: id,
      enterpriseId: 'ent-M',
      leadDepartmentId: 'dep-hr',
      coHandlerDepartmentIds: ['dep-it'],
    };
    const at = new Date('2030-03-04T02:00:00Z');
    await deliver(sla, [
      assigned(t, at),
      ticketEvent(
        'ticket.acknowledged',
        { ...t, status: 'in_progress' },
        { departmentId: 'dep-hr', reason: '' },
        at,
      ),
    ]);
    await deliver(sla, [
      ticketEvent(
        'ticket.merged',
        { ...t, status: 'closed' },
        { mainTicketId: ticketId(), mainTicketNumber: 'CS-2030-000001', reason: '同一事项' },
        new Date('2030-03-04T03:00:00Z'),
      ),
    ]);
    const view = await timers(id);
    expect(view.map((v) => [v.kind, v.state, v.outcome])).toEqual([
      ['respond', 'stopped', 'met'],
      ['resolve', 'stopped', 'merged'],
      ['reply', 'stopped', 'merged'],
      ['co_handler_report', 'stopped', 'merged'],
    ]);
    const stopped = (await outbox(id)).filter(
      (e) => e.type === 'sla.timer-stopped' && e.payload.outcome === 'merged',
    );
    expect(stopped).toHaveLength(3);
    expect(
      await sql(
        db.url,
        'SELECT 1 FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id WHERE t.ticket_id = $1 AND f.fired_at IS NULL',
        [id],
      ),
    ).toEqual([]);
  });

  describe('the committee’s callback window after a lapsed feedback window', () => {
    beforeAll(async () => {
      // Technology tickets: 2 s for the enterprise's feedback, then 3 s for the committee's callback.
      await createPolicy({
        name: '科技项目（测试）',
        category: 'technology',
        urgency: '*',
        definition: {
          calendarId: 'default',
          timers: { feedback: { duration: { amount: 2, unit: 'seconds' } } },
          callbackWindow: { amount: 3, unit: 'seconds' },
        },
      });
      // Transport tickets: no callback window at all.
      await createPolicy({
        name: '交通物流（测试）',
        category: 'transport',
        urgency: '*',
        definition: {
          calendarId: 'default',
          timers: { feedback: { duration: { amount: 1, unit: 'seconds' } } },
          callbackWindow: { amount: 0, unit: 'seconds' },
        },
      });
    });

    const resolve = (category: string) => {
      const id = ticketId();
      const t = { ticketId: id, category, enterpriseId: 'ent-C', leadDepartmentId: 'dep-tech' };
      return {
        id,
        t,
        resolved: ticketEvent(
          'ticket.resolved',
          { ...t, status: 'resolved' },
          { departmentId: 'dep-tech', result: '已解决', evidence: [] },
        ),
      };
    };
    const fired = (id: string) =>
      sql<{ type: string; kind: string; department: string | null }>(
        db.url,
        `SELECT type, envelope->'payload'->>'kind' AS kind, envelope->'payload'->>'departmentId' AS department
           FROM sla.outbox WHERE key = $1 AND type IN ('sla.breached', 'sla.warning', 'sla.escalated') ORDER BY seq`,
        [id],
      );

    it('opens when the feedback window lapses and breaches for the committee when nobody called', async () => {
      const { id, resolved } = resolve('technology');
      await deliver(sla, [resolved]);
      const feedback = (await timers(id)).find((v) => v.kind === 'feedback')!;
      const callback = await eventually(
        async () => (await timers(id)).find((v) => v.kind === 'callback'),
        10_000,
      );
      expect(callback).toMatchObject({ departmentId: null, startedAt: feedback.dueAt });
      expect(Date.parse(callback!.dueAt!) - Date.parse(feedback.dueAt!)).toBe(3000);
      expect((await timers(id)).find((v) => v.kind === 'feedback')).toMatchObject({
        state: 'stopped',
        outcome: 'breached',
      });
      await eventually(async () => (await fired(id)).length === 2, 10_000);
      // The breach of the callback window is the committee's (no department): it is what closes the ticket as no feedback.
      expect(await fired(id)).toEqual([
        { type: 'sla.breached', kind: 'feedback', department: null },
        { type: 'sla.breached', kind: 'callback', department: null },
      ]);
      await sleep(1000);
      expect(await fired(id)).toHaveLength(2); // once each
      // The ticket closes (as no feedback): the callback clock stops, breached.
      await deliver(sla, [
        ticketEvent(
          'ticket.closed',
          { ticketId: id, category: 'technology', status: 'closed', leadDepartmentId: 'dep-tech' },
          { outcome: 'no_feedback', satisfaction: null, solved: null },
        ),
      ]);
      expect((await timers(id)).find((v) => v.kind === 'callback')).toMatchObject({
        state: 'stopped',
        outcome: 'breached',
      });
    });

    it('stops met when the committee records the enterprise’s answers on a callback in time', async () => {
      const { id, t, resolved } = resolve('technology');
      await deliver(sla, [resolved]);
      await eventually(async () => (await timers(id)).some((v) => v.kind === 'callback'), 10_000);
      await deliver(sla, [
        ticketEvent(
          'ticket.feedback-given',
          { ...t, status: 'closed' },
          {
            via: 'callback',
            contacted: true,
            solved: true,
            satisfaction: 'basically_satisfied',
            comment: '电话回访',
          },
        ),
      ]);
      expect((await timers(id)).find((v) => v.kind === 'callback')).toMatchObject({
        state: 'stopped',
        outcome: 'met',
      });
      await sleep(4000); // past its deadline: its breach, withdrawn with the stop, never fires
      expect(await fired(id)).toEqual([{ type: 'sla.breached', kind: 'feedback', department: null }]);
    });

    it('with a window of 0 is due at the lapse and breaches at once', async () => {
      const { id, resolved } = resolve('transport');
      await deliver(sla, [resolved]);
      await eventually(async () => (await fired(id)).length === 2, 10_000);
      const view = await timers(id);
      const feedback = view.find((v) => v.kind === 'feedback')!;
      expect(view.find((v) => v.kind === 'callback')).toMatchObject({
        startedAt: feedback.dueAt,
        dueAt: feedback.dueAt,
      });
      expect((await fired(id)).map((f) => f.kind)).toEqual(['feedback', 'callback']);
    });

    it('no callback when the enterprise rated in time', async () => {
      const { id, t, resolved } = resolve('technology');
      await deliver(sla, [
        resolved,
        ticketEvent(
          'ticket.feedback-given',
          { ...t, status: 'closed' },
          { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
        ),
      ]);
      await sleep(3000);
      expect((await timers(id)).map((v) => [v.kind, v.outcome])).toEqual([['feedback', 'met']]);
    });
  });

  describe('the clocks of joint meetings’ decisions', () => {
    const made = (decisionId: string, decidedAt: string, dueWorkingDays: number) =>
      meetingEvent(
        'meeting.decision-made',
        decisionId,
        {
          meetingId: 'mt-2025-03',
          itemId: `item-${decisionId}`,
          ticketId: null,
          needId: null,
          enterpriseId: 'ent-A',
          title: '园区货运专线',
          task: '交通运输局牵头，城管局配合，协调开通货运专线',
          leadDepartmentId: 'dep-transport',
          coHandlerDepartmentIds: ['dep-urban'],
          dueWorkingDays,
          cooperation: false,
          decidedAt,
        },
        new Date(decidedAt),
      );
    const reported = (decisionId: string, departmentId: string) =>
      meetingEvent('meeting.decision-reported', decisionId, {
        meetingId: 'mt-2025-03',
        departmentId,
        progress: 'done',
        report: '专线已开通',
      });
    const sent = (decisionId: string) =>
      sql<{ type: string; subject: string; department: string | null; label: string | null }>(
        db.url,
        `SELECT type, envelope->'payload'->>'subject' AS subject, envelope->'payload'->>'departmentId' AS department,
                coalesce(envelope->'payload'->>'threshold', envelope->'payload'->>'step', envelope->'payload'->>'reason') AS label
           FROM sla.outbox WHERE key = $1 ORDER BY seq`,
        [decisionId],
      );

    it('opens for the lead department, warns, breaches and escalates on the decisions’ policy, and stops on the lead’s report', async () => {
      const decisionId = `dc-${ticketId()}`;
      // Decided Monday 2025-03-03 15:00 with 2 working days: due the close of Wednesday, long past.
      await deliver(sla, [made(decisionId, '2025-03-03T07:00:00.000Z', 2)], Topics.Meeting);
      const r = await decisionTimers(decisionId);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        decisionId,
        meetingId: 'mt-2025-03',
        leadDepartmentId: 'dep-transport',
        coHandlerDepartmentIds: ['dep-urban'],
        status: 'open',
      });
      expect(r.body.timers).toEqual([
        expect.objectContaining({
          kind: 'decision',
          departmentId: 'dep-transport',
          state: 'running',
          startedAt: '2025-03-03T07:00:00.000Z',
          dueAt: '2025-03-05T09:30:00.000Z',
        }),
      ]);
      // Everything past is due at once: yellow at 80 %, red, then the ladder; each once, each the lead's, each about the decision.
      await eventually(async () => (await sent(decisionId)).length === 6, 10_000);
      await sleep(1000);
      expect(await sent(decisionId)).toEqual([
        { type: 'sla.deadline-set', subject: 'decision', department: 'dep-transport', label: 'opened' },
        { type: 'sla.warning', subject: 'decision', department: 'dep-transport', label: '80%' },
        { type: 'sla.breached', subject: 'decision', department: 'dep-transport', label: null },
        { type: 'sla.escalated', subject: 'decision', department: 'dep-transport', label: 'urge' },
        { type: 'sla.escalated', subject: 'decision', department: 'dep-transport', label: 'supervise' },
        { type: 'sla.escalated', subject: 'decision', department: 'dep-transport', label: 'joint_meeting' },
      ]);
      // A co-handler's report of its part does not stop the decision's clock; the lead's does (late: breached).
      await deliver(sla, [reported(decisionId, 'dep-urban')], Topics.Meeting);
      expect((await decisionTimers(decisionId)).body.timers[0].state).toBe('running');
      await deliver(sla, [reported(decisionId, 'dep-transport')], Topics.Meeting);
      const done = (await decisionTimers(decisionId)).body;
      expect(done.status).toBe('done');
      expect(done.timers[0]).toMatchObject({ state: 'stopped', outcome: 'breached' });
      expect((await sent(decisionId)).at(-1)).toMatchObject({
        type: 'sla.timer-stopped',
        subject: 'decision',
      });
      // Not a ticket: the ticket endpoint does not know it.
      expect(
        (await api(sla, 'GET', `/api/v1/sla/tickets/${decisionId}/timers`, users.committee)).status,
      ).toBe(404);
    });

    it('stops in time on the lead’s report or the committee’s closure, and shows in the lead’s queue as a decision', async () => {
      const inTime = `dc-${ticketId()}`;
      const withdrawn = `dc-${ticketId()}`;
      const now = new Date().toISOString();
      await deliver(sla, [made(inTime, now, 5), made(withdrawn, now, 0)], Topics.Meeting);
      const queue = await api(
        sla,
        'GET',
        '/api/v1/sla/queue?kind=decision&limit=500',
        users.department('dep-transport'),
      );
      expect(
        queue.body.items.filter((i: { ticketId: string }) => [inTime, withdrawn].includes(i.ticketId)),
      ).toEqual([
        expect.objectContaining({ subject: 'decision', kind: 'decision' }),
        expect.objectContaining({ subject: 'decision', kind: 'decision' }),
      ]);
      // No days named: the decisions' policy's 10 working days, longer than the 5 named.
      const [a, b] = [
        (await decisionTimers(inTime)).body.timers[0],
        (await decisionTimers(withdrawn)).body.timers[0],
      ];
      expect(Date.parse(b.dueAt)).toBeGreaterThan(Date.parse(a.dueAt));
      await deliver(
        sla,
        [
          reported(inTime, 'dep-transport'),
          meetingEvent('meeting.decision-closed', withdrawn, {
            meetingId: 'mt-2025-03',
            outcome: 'withdrawn',
            note: '企业已自行解决',
            reportedAtMeetingId: null,
          }),
        ],
        Topics.Meeting,
      );
      expect((await decisionTimers(inTime)).body.timers[0]).toMatchObject({
        state: 'stopped',
        outcome: 'met',
      });
      expect((await decisionTimers(withdrawn)).body).toMatchObject({
        status: 'closed',
        timers: [expect.objectContaining({ state: 'stopped', outcome: 'cancelled' })],
      });
      expect(
        await sql(
          db.url,
          `SELECT 1 FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id WHERE t.ticket_id = ANY($1) AND f.fired_at IS NOT NULL`,
          [[inTime, withdrawn]],
        ),
      ).toEqual([]);
    });

    it('follows an edit of the decisions’ policy, keeping the days each decision named', async () => {
      const named = `dc-${ticketId()}`;
      const unnamed = `dc-${ticketId()}`;
      const at = '2030-03-04T02:00:00.000Z'; // Monday 10:00
      await deliver(sla, [made(named, at, 3), made(unnamed, at, 0)], Topics.Meeting);
      const policy = (await api(sla, 'GET', '/api/v1/sla/policies', users.committee)).body.find(
        (p: { subject: string }) => p.subject === 'decision',
      );
      const definition = JSON.parse(JSON.stringify(policy.definition));
      definition.timers.decision.duration = { amount: 4, unit: 'working_days' };
      const edit = await api(sla, 'PUT', `/api/v1/sla/policies/${policy.id}`, users.committee, {
        expectedVersion: policy.version,
        definition,
      });
      expect(edit.status).toBe(200);
      await eventually(
        async () =>
          (
            await sql(
              db.url,
              'SELECT 1 FROM sla.recompute_jobs WHERE target = $1 AND finished_at IS NOT NULL',
              [policy.id],
            )
          ).length === 1,
      );
      expect((await decisionTimers(named)).body.timers[0]).toMatchObject({
        dueAt: '2030-03-07T09:30:00.000Z',
        policy: { version: 2 },
      });
      expect((await decisionTimers(unnamed)).body.timers[0]).toMatchObject({
        dueAt: '2030-03-08T09:30:00.000Z',
        policy: { version: 2 },
      });
    });

    it('shows a decision’s clock to the committee, the admin and its departments only; to anyone else the decision does not exist', async () => {
      const decisionId = `dc-${ticketId()}`;
      await deliver(sla, [made(decisionId, new Date().toISOString(), 5)], Topics.Meeting);
      const unknown = await decisionTimers('dc-unknown', users.admin);
      expect(unknown.status).toBe(404);
      const matrix: [string, Parameters<typeof api>[3], number][] = [
        ['committee', users.committee, 200],
        ['admin', users.admin, 200],
        ['lead department', users.department('dep-transport'), 200],
        ['co-handling department', users.department('dep-urban'), 200],
        ['another department', users.department('dep-tax'), 404],
        ['an enterprise', users.enterprise('ent-A'), 404],
        ['an instructor', users.instructor('grid-1'), 404],
      ];
      for (const [who, user, status] of matrix) {
        const r = await decisionTimers(decisionId, user);
        expect([who, r.status]).toEqual([who, status]);
        if (status === 404) {
          expect(r.body.type).toBe(unknown.body.type);
          expect(r.body.detail).toBe(unknown.body.detail.replace('dc-unknown', decisionId));
        }
      }
      const anonymous = await fetch(`${sla.url}/api/v1/sla/decisions/${decisionId}/timers`);
      expect(anonymous.status).toBe(401);
      const before = await counts();
      const long = await decisionTimers('d'.repeat(101));
      expect(long.status).toBe(400);
      expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['decisionId']);
      expect(await counts()).toEqual(before);
    });
  });
});
