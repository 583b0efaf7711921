import { DispatchEvents, TicketEvents } from '@ticketing/contracts';
import { dep, DispatchTestKit, submitted, ticketBase, ticketEvent } from './dispatch-test-kit';

const DEPT_ACTOR = { id: 'dept-user', role: 'department' as const };

describe('dispatch: triage desk, transfer arbitration, history and department figures', () => {
  let kit: DispatchTestKit;

  beforeAll(async () => {
    kit = await DispatchTestKit.start();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  async function routedLabourTicket(): Promise<string> {
    const e = submitted({ category: 'labour' });
    await kit.publish(e);
    const t = e.aggregateId;
    await kit.publish(
      ticketEvent(TicketEvents.assigned, t, {
        ...ticketBase(t, {
          status: 'assigned',
          category: 'labour',
          leadDepartmentId: dep('hrss'),
          coHandlerDepartmentIds: [dep('miit')],
        }),
        via: 'rule',
        ruleId: null,
        previousLeadDepartmentId: null,
        firstHandlerDepartmentId: dep('hrss'),
      }),
    );
    return t;
  }

  async function requestTransfer(
    ticketId: string,
    reason = '招聘补贴属财政兑现，非本局职责',
  ): Promise<string> {
    await kit.publish(
      ticketEvent(
        TicketEvents.transferRequested,
        ticketId,
        {
          ...ticketBase(ticketId, { status: 'transfer_requested', leadDepartmentId: dep('hrss') }),
          departmentId: dep('hrss'),
          reason,
        },
        { actor: DEPT_ACTOR },
      ),
    );
    const r = await kit.sql.query(
      `SELECT id FROM dispatch.transfer_requests WHERE ticket_id = $1 AND status = 'pending'`,
      [ticketId],
    );
    return r.rows[0].id;
  }

  it('lists triaged tickets oldest first, assigns by hand once, and answers a second assignment with 409 naming the state', async () => {
    const older = submitted(
      { category: 'other', title: '食堂', enterpriseName: '甲公司' },
      new Date(Date.now() - 60_000),
    );
    const newer = submitted({ category: 'other', title: '绿化' });
    await kit.publish(newer, older);

    const queue = await kit.call('GET', '/api/v1/dispatch/triage', { role: 'committee' });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([
      older.aggregateId,
      newer.aggregateId,
    ]);
    expect(queue.body.items[0]).toMatchObject({
      title: '食堂',
      enterpriseName: '甲公司',
      category: 'other',
      explanation: '没有适用「其他」的规则，转综合党委人工分派',
    });

    const page = await kit.call('GET', '/api/v1/dispatch/triage?limit=1', { role: 'committee' });
    expect(page.body.items).toHaveLength(1);
    const next = await kit.call('GET', `/api/v1/dispatch/triage?limit=1&cursor=${page.body.nextCursor}`, {
      role: 'committee',
    });
    expect(next.body.items[0].ticketId).toBe(newer.aggregateId);

    const body = {
      leadDepartmentId: dep('econ_dev'),
      coHandlerDepartmentIds: [dep('treasury')],
      note: '食堂承包属园区经营事项',
    };
    const assigned = await kit.call('POST', `/api/v1/dispatch/triage/${older.aggregateId}/assign`, {
      role: 'committee',
      body,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      status: 'decided',
      decidedVia: 'manual',
      leadDepartmentId: dep('econ_dev'),
      firstHandlerDepartmentId: dep('econ_dev'),
    });

    const out = await kit.outbox(older.aggregateId);
    expect(out.map((o) => o.type)).toEqual([DispatchEvents.triageNeeded, DispatchEvents.decided]);
    expect(out[1].envelope).toMatchObject({
      aggregateVersion: 2,
      actor: { id: 'committee-user', role: 'committee' },
      payload: {
        ticketId: older.aggregateId,
        leadDepartmentId: dep('econ_dev'),
        coHandlerDepartmentIds: [dep('treasury')],
        via: 'manual',
        ruleId: null,
        ruleVersion: null,
        explanation: '食堂承包属园区经营事项',
      },
    });

    const twice = await kit.call('POST', `/api/v1/dispatch/triage/${older.aggregateId}/assign`, {
      role: 'committee',
      body,
    });
    expect(twice.status).toBe(409);
    expect(twice.contentType).toContain('application/problem+json');
    expect(twice.body).toMatchObject({
      state: 'decided',
      detail: expect.stringContaining('is not waiting in triage: it is decided (manually)'),
    });
    expect(await kit.outbox(older.aggregateId)).toHaveLength(2);

    const after = await kit.call('GET', '/api/v1/dispatch/triage', { role: 'committee' });
    expect(after.body.items.map((i: { ticketId: string }) => i.ticketId)).toEqual([newer.aggregateId]);
  });

  it('drops withdrawn and closed tickets from the triage queue', async () => {
    const a = submitted({ category: 'other' });
    const b = submitted({ category: 'other' });
    await kit.publish(a, b);
    await kit.publish(
      ticketEvent(TicketEvents.withdrawn, a.aggregateId, {
        ...ticketBase(a.aggregateId, { status: 'withdrawn' }),
        reason: '已自行解决',
        departmentId: null,
      }),
      ticketEvent(TicketEvents.closed, b.aggregateId, {
        ...ticketBase(b.aggregateId, { status: 'closed' }),
        outcome: 'withdrawn',
        satisfaction: null,
        solved: null,
      }),
    );
    const queue = await kit.call('GET', '/api/v1/dispatch/triage?limit=200', { role: 'committee' });
    const ids = queue.body.items.map((i: { ticketId: string }) => i.ticketId);
    expect(ids).not.toContain(a.aggregateId);
    expect(ids).not.toContain(b.aggregateId);
    const late = await kit.call('POST', `/api/v1/dispatch/triage/${a.aggregateId}/assign`, {
      role: 'committee',
      body: { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [], note: 'late' },
    });
    expect(late.status).toBe(409);
    expect(late.body.state).toBe('withdrawn');
  });

  it('arbitrates a transfer: records the request, refuses the requester as new lead, approves once, keeps the first handler', async () => {
    const t = await routedLabourTicket();
    const id = await requestTransfer(t);

    const pending = await kit.call('GET', '/api/v1/dispatch/transfers?status=pending', { role: 'committee' });
    expect(pending.body.items).toEqual([
      expect.objectContaining({
        id,
        ticketId: t,
        fromDepartmentId: dep('hrss'),
        reason: '招聘补贴属财政兑现，非本局职责',
        status: 'pending',
        requestedBy: 'dept-user',
        ticketTitle: expect.any(String),
      }),
    ]);

    const back = await kit.call('POST', `/api/v1/dispatch/transfers/${id}/decision`, {
      role: 'committee',
      body: { approved: true, leadDepartmentId: dep('hrss'), note: '转回' },
    });
    expect(back.status).toBe(400);
    expect(back.body.errors).toEqual([
      {
        field: 'leadDepartmentId',
        messages: ['leadDepartmentId must differ from the department that asked for the transfer'],
      },
    ]);
    expect((await kit.outbox(t)).map((o) => o.type)).toEqual([DispatchEvents.decided]);

    const approved = await kit.call('POST', `/api/v1/dispatch/transfers/${id}/decision`, {
      role: 'committee',
      body: { approved: true, leadDepartmentId: dep('treasury'), note: '补贴兑现由财政局牵头' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      leadDepartmentId: dep('treasury'),
      coHandlerDepartmentIds: [dep('miit')],
      decidedBy: 'committee-user',
    });
    const out = await kit.outbox(t);
    expect(out.map((o) => o.type)).toEqual([DispatchEvents.decided, DispatchEvents.transferDecided]);
    expect(out[1].envelope).toMatchObject({
      aggregateVersion: 2,
      payload: {
        ticketId: t,
        approved: true,
        fromDepartmentId: dep('hrss'),
        leadDepartmentId: dep('treasury'),
        coHandlerDepartmentIds: [dep('miit')],
        note: '补贴兑现由财政局牵头',
      },
    });

    const again = await kit.call('POST', `/api/v1/dispatch/transfers/${id}/decision`, {
      role: 'committee',
      body: { approved: false, note: '再议' },
    });
    expect(again.status).toBe(409);
    expect(again.body.state).toBe('approved');
    expect(await kit.outbox(t)).toHaveLength(2);

    // The ticket service follows the decision; the first handler stays on record.
    await kit.publish(
      ticketEvent(TicketEvents.assigned, t, {
        ...ticketBase(t, {
          status: 'assigned',
          leadDepartmentId: dep('treasury'),
          coHandlerDepartmentIds: [dep('miit')],
        }),
        via: 'transfer',
        ruleId: null,
        previousLeadDepartmentId: dep('hrss'),
        firstHandlerDepartmentId: dep('hrss'),
      }),
    );
    const history = await kit.call('GET', `/api/v1/dispatch/tickets/${t}/history`, { role: 'committee' });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      leadDepartmentId: dep('treasury'),
      firstHandlerDepartmentId: dep('hrss'),
    });
    expect(history.body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'routed-by-rule',
      'assigned',
      'transfer-requested',
      'transfer-approved',
      'assigned',
    ]);
    expect(history.body.entries[3]).toMatchObject({
      actorId: 'dept-user',
      departmentId: dep('hrss'),
      details: { reason: '招聘补贴属财政兑现，非本局职责' },
    });
    expect(history.body.entries[4].details).toMatchObject({
      note: '补贴兑现由财政局牵头',
      leadDepartmentId: dep('treasury'),
    });
    expect(history.body.transfers).toEqual([
      expect.objectContaining({ id, status: 'approved', reason: '招聘补贴属财政兑现，非本局职责' }),
    ]);
  });

  it('rejects a transfer: the ticket stays with the first handler', async () => {
    const t = await routedLabourTicket();
    const id = await requestTransfer(t, '不属于本局');
    const rejected = await kit.call('POST', `/api/v1/dispatch/transfers/${id}/decision`, {
      role: 'committee',
      body: { approved: false, note: '用工问题属人社局职责，首办负责' },
    });
    expect(rejected.status).toBe(200);
    const [, decided] = await kit.outbox(t);
    expect(decided.envelope.payload).toEqual({
      ticketId: t,
      approved: false,
      fromDepartmentId: dep('hrss'),
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: '用工问题属人社局职责，首办负责',
    });
    const history = await kit.call('GET', `/api/v1/dispatch/tickets/${t}/history`, { role: 'admin' });
    expect(history.body.leadDepartmentId).toBe(dep('hrss'));
  });

  it('cancels a pending transfer when the ticket is closed, so it is no longer arbitrated', async () => {
    const t = await routedLabourTicket();
    const id = await requestTransfer(t);
    await kit.publish(
      ticketEvent(TicketEvents.closed, t, {
        ...ticketBase(t, { status: 'closed' }),
        outcome: 'no_feedback',
        satisfaction: null,
        solved: null,
      }),
    );
    const pending = await kit.call('GET', '/api/v1/dispatch/transfers?status=pending&limit=200', {
      role: 'committee',
    });
    expect(pending.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const late = await kit.call('POST', `/api/v1/dispatch/transfers/${id}/decision`, {
      role: 'committee',
      body: { approved: false, note: 'n' },
    });
    expect(late.status).toBe(409);
    expect(late.body.state).toBe('cancelled');
  });

  it('counts assignments, transfer requests and outcomes, and reopens per department within a period', async () => {
    const from = new Date().toISOString();
    const t = await routedLabourTicket(); // assigned to hrss
    const approveId = await requestTransfer(t);
    await kit.call('POST', `/api/v1/dispatch/transfers/${approveId}/decision`, {
      role: 'committee',
      body: { approved: true, leadDepartmentId: dep('treasury'), coHandlerDepartmentIds: [], note: 'ok' },
    });
    const t2 = await routedLabourTicket();
    const rejectId = await requestTransfer(t2);
    await kit.call('POST', `/api/v1/dispatch/transfers/${rejectId}/decision`, {
      role: 'committee',
      body: { approved: false, note: 'no' },
    });
    const reopened = ticketEvent(TicketEvents.reopened, t2, {
      ...ticketBase(t2, { status: 'reopened', leadDepartmentId: dep('hrss') }),
      reason: '问题未解决',
      reopenCount: 1,
    });
    await kit.publish(reopened, reopened);
    // A reopen long before the period is not counted in it.
    await kit.publish(
      ticketEvent(
        TicketEvents.reopened,
        t2,
        {
          ...ticketBase(t2, { status: 'reopened', leadDepartmentId: dep('hrss') }),
          reason: 'old',
          reopenCount: 1,
        },
        { at: new Date('2025-01-01T00:00:00Z') },
      ),
    );
    const to = new Date(Date.now() + 60_000).toISOString();

    const stats = await kit.call(
      'GET',
      `/api/v1/dispatch/stats/departments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      { role: 'committee' },
    );
    expect(stats.status).toBe(200);
    const hrss = stats.body.departments.find((d: { departmentId: string }) => d.departmentId === dep('hrss'));
    expect(hrss).toEqual({
      departmentId: dep('hrss'),
      departmentName: '人社局',
      assigned: 2,
      transferRequests: 2,
      transfersApproved: 1,
      transfersRejected: 1,
      reopens: 1,
    });
    const justice = stats.body.departments.find(
      (d: { departmentId: string }) => d.departmentId === dep('justice'),
    );
    expect(justice).toMatchObject({ assigned: 0, reopens: 0 });

    const allTime = await kit.call('GET', '/api/v1/dispatch/stats/departments', { role: 'admin' });
    expect(
      allTime.body.departments.find((d: { departmentId: string }) => d.departmentId === dep('hrss')).reopens,
    ).toBe(2);
  });
});
