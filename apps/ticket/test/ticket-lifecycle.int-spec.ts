import { DispatchEvents, SlaEvents, TicketEvents, Topics } from '@ticketing/contracts';
import { createEnvelope } from '@ticketing/contracts';
import { eventually, statementsOf } from '@ticketing/testing';
import {
  approveTransfer,
  DEP,
  ENT_A,
  GRID_A,
  PDF,
  PNG,
  startTicketKit,
  TicketKit,
  UserKey,
} from './ticket-test-kit';

describe('ticket lifecycle over HTTP and events', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const detail = async (id: string, as: UserKey = 'committee') => {
    const res = await kit.api('GET', `/api/v1/tickets/${id}`, as);
    expect(res.status).toBe(200);
    return res.body;
  };
  const act = async (
    id: string,
    action: string,
    as: UserKey,
    body: Record<string, unknown>,
    expected = 200,
  ) => {
    const version = (await detail(id)).version;
    const res = await kit.api('POST', `/api/v1/tickets/${id}/${action}`, as, {
      expectedVersion: version,
      ...body,
    });
    expect({ action, status: res.status, body: res.body }).toMatchObject({ action, status: expected });
    return res.body;
  };
  const decided = (ticketId: string, lead: string, co: string[] = []) =>
    kit.publish(Topics.Dispatch, DispatchEvents.decided, ticketId, {
      ticketId,
      leadDepartmentId: lead,
      coHandlerDepartmentIds: co,
      via: 'rule',
      ruleId: 'rule-utilities',
      ruleVersion: 1,
      explanation: 'category utilities',
    });

  it('drives a ticket from submission through transfer, extension, joint handling, reopen to closure', async () => {
    const photo = await kit.upload('entA', PNG, '现场.png', 'image/png');
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ contentType: 'image/png', size: PNG.length, fileName: '现场.png' });

    const submitted = await kit.submit('entA', { attachmentIds: [photo.body.id] });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 1 });
    expect(submitted.body.number).toMatch(/^CS-20\d\d-\d{6}$/);
    const id: string = submitted.body.id;

    await decided(id, DEP.hrss, [DEP.miit]);
    let t = await detail(id, 'entA');
    expect(t).toMatchObject({
      status: 'assigned',
      version: 2,
      gridId: GRID_A,
      enterpriseId: ENT_A,
      enterpriseName: '六枝机械厂',
    });
    expect(t.leadDepartment).toEqual({ id: DEP.hrss, name: '人社局' });
    expect(t.attachments).toEqual([expect.objectContaining({ id: photo.body.id, contentType: 'image/png' })]);

    await act(id, 'acknowledge', 'depLead', { note: '已签收' });
    await act(id, 'interim-reply', 'depLead', { message: '已联系供水公司' });
    const due = new Date(Date.now() + 7 * 86400_000).toISOString();
    await act(id, 'request-extension', 'depLead', { reason: '需要更换管段', proposedDueAt: due });
    await act(id, 'request-extension', 'depLead', { reason: 'again', proposedDueAt: due }, 409);
    await act(id, 'decide-extension', 'committee', { approved: true, note: '同意' });
    await act(id, 'request-transfer', 'depLead', { reason: '供水归城管/交通管辖' });
    expect((await detail(id)).status).toBe('transfer_requested');

    await approveTransfer(kit, id, DEP.hrss, DEP.transport, [DEP.miit], '改由交通运输局牵头');
    t = await detail(id);
    expect(t).toMatchObject({
      status: 'assigned',
      firstHandlerDepartmentId: DEP.hrss,
      leadDepartment: { id: DEP.transport },
    });
    // The former lead no longer sees the ticket; the new lead does.
    expect((await kit.api('GET', `/api/v1/tickets/${id}`, 'depLead')).status).toBe(404);

    await act(id, 'acknowledge', 'depNew', {});
    const early = await act(id, 'resolve', 'depNew', { result: '已修复' }, 409);
    expect(early).toMatchObject({
      type: 'urn:chuishao:problem:illegalTransition',
      currentStatus: 'in_progress',
    });
    expect(early.detail).toContain(DEP.miit);

    await act(id, 'report-part', 'depCo', { content: '工信局已协调停产补偿' });
    const evidence = await kit.upload('depNew', PDF, '验收单.pdf', 'application/pdf');
    expect(evidence.status).toBe(201);
    await act(id, 'resolve', 'depNew', {
      result: '已更换管段，恢复供水',
      evidenceAttachmentIds: [evidence.body.id],
    });
    const noReply = await act(
      id,
      'feedback',
      'entA',
      { contacted: true, solved: true, satisfaction: 'satisfied' },
      409,
    );
    expect(noReply.detail).toContain('replied');
    await act(id, 'reply', 'depNew', { message: '已恢复供水，请确认' });
    await act(id, 'feedback', 'entA', {
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied',
      comment: '水压仍不足',
    });
    expect((await detail(id)).status).toBe('resolved');
    await act(id, 'reopen', 'entA', { reason: '水压仍不足' });
    t = await detail(id);
    expect(t).toMatchObject({ status: 'reopened', reopenCount: 1, feedback: null });

    await act(id, 'acknowledge', 'depNew', {});
    await act(id, 'reply', 'depNew', { message: '已加装增压泵' });
    await act(id, 'resolve', 'depNew', { result: '加装增压泵' });
    const closed = await act(id, 'feedback', 'insA', {
      contacted: true,
      solved: true,
      satisfaction: 'basically_satisfied',
    });
    expect(closed).toMatchObject({ status: 'closed' });

    t = await detail(id);
    expect(t).toMatchObject({ status: 'closed', closeOutcome: 'feedback' });
    expect(t.resolution.evidence).toEqual([]);
    expect(t.parts).toEqual([
      expect.objectContaining({
        role: 'lead',
        department: { id: DEP.transport, name: '交通运输局' },
        content: '加装增压泵',
      }),
      expect.objectContaining({
        role: 'co_handler',
        department: { id: DEP.miit, name: '工信局' },
        content: '工信局已协调停产补偿',
      }),
    ]);

    const types = await kit.outboxTypes(id);
    expect(types).toEqual([
      TicketEvents.submitted,
      TicketEvents.assigned,
      TicketEvents.acknowledged,
      TicketEvents.interimReplied,
      TicketEvents.extensionRequested,
      TicketEvents.extensionDecided,
      TicketEvents.transferRequested,
      TicketEvents.assigned,
      TicketEvents.acknowledged,
      TicketEvents.partReported,
      TicketEvents.resolved,
      TicketEvents.replied,
      TicketEvents.feedbackGiven,
      TicketEvents.reopened,
      TicketEvents.assigned,
      TicketEvents.acknowledged,
      TicketEvents.replied,
      TicketEvents.resolved,
      TicketEvents.feedbackGiven,
      TicketEvents.closed,
    ]);
    const { rows: envelopes } = await kit.pg.query(
      `SELECT envelope FROM ticket.outbox WHERE key = $1 ORDER BY seq`,
      [id],
    );
    const env = envelopes.map((r) => r.envelope);
    // Versions are consecutive, one per event, and every payload carries the base fields.
    expect(env.map((e) => e.aggregateVersion)).toEqual(env.map((_, i) => i + 1));
    for (const e of env) {
      expect(e.payload).toMatchObject({
        ticketId: id,
        number: submitted.body.number,
        enterpriseId: ENT_A,
        gridId: GRID_A,
        category: 'utilities',
        urgency: 'urgent',
      });
      expect(e.payload.status).toEqual(expect.any(String));
    }
    expect(env[1].payload).toMatchObject({
      via: 'rule',
      ruleId: 'rule-utilities',
      leadDepartmentId: DEP.hrss,
      coHandlerDepartmentIds: [DEP.miit],
      firstHandlerDepartmentId: DEP.hrss,
    });
    expect(env[7].payload).toMatchObject({
      via: 'transfer',
      previousLeadDepartmentId: DEP.hrss,
      firstHandlerDepartmentId: DEP.hrss,
      leadDepartmentId: DEP.transport,
      status: 'assigned',
    });
    expect(env[7].actor).toEqual({ id: 'u-com', role: 'committee' });
    expect(env[10].payload.evidence).toEqual([
      expect.objectContaining({ id: evidence.body.id, contentType: 'application/pdf' }),
    ]);
    expect(env[13].payload).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(env[19].payload).toMatchObject({
      status: 'closed',
      outcome: 'feedback',
      satisfaction: 'basically_satisfied',
      solved: true,
    });
    // The relay publishes what the transaction wrote.
    expect(
      await eventually(
        async () =>
          (
            await kit.pg.query(
              `SELECT count(*)::int n FROM ticket.outbox WHERE key = $1 AND published_at IS NULL`,
              [id],
            )
          ).rows[0].n === 0,
      ),
    ).toBe(true);

    expect(t.timeline).toHaveLength(types.length);
    expect(t.timeline.map((s: { eventType: string }) => s.eventType)).toEqual(types);
    expect(t.timeline[2]).toMatchObject({
      action: 'acknowledge',
      actor: { id: 'u-hrss', role: 'department' },
      reason: '已签收',
      statusFrom: 'assigned',
      statusTo: 'in_progress',
    });
    expect(t.timeline[6]).toMatchObject({
      action: 'requestTransfer',
      reason: '供水归城管/交通管辖',
      statusTo: 'transfer_requested',
    });
    expect(t.timeline[13]).toMatchObject({
      action: 'reopen',
      actor: { id: 'u-ent-a', role: 'enterprise' },
      reason: '水压仍不足',
    });
    expect(t.timeline[18]).toMatchObject({
      action: 'giveFeedback',
      actor: { id: 'u-ins-a', role: 'instructor' },
    });
    for (const s of t.timeline) expect(Date.parse(s.occurredAt)).not.toBeNaN();
  });

  it('keeps the timeline append-only in the database itself', async () => {
    const id = (await kit.submit('entA')).body.id;
    await expect(
      kit.pg.query(`UPDATE ticket.ticket_steps SET reason = 'rewritten' WHERE ticket_id = $1`, [id]),
    ).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(kit.pg.query(`DELETE FROM ticket.ticket_steps WHERE ticket_id = $1`, [id])).rejects.toThrow(
      /append-only \(DELETE refused\)/,
    );
    await expect(kit.pg.query(`TRUNCATE ticket.ticket_steps CASCADE`)).rejects.toThrow(
      /append-only \(TRUNCATE refused\)/,
    );
    const { rows } = await kit.pg.query(
      `SELECT count(*)::int AS n FROM ticket.ticket_steps WHERE ticket_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('routes to triage, returns a rejected transfer where it was, and counts reopens against the limit', async () => {
    const { body } = await kit.submit('insA', { enterpriseId: ENT_A, category: 'other' });
    const id = body.id;
    await kit.publish(Topics.Dispatch, DispatchEvents.triageNeeded, id, {
      ticketId: id,
      explanation: 'no rule matched',
    });
    expect((await detail(id)).status).toBe('triage');
    // The committee's triage clock shows on the ticket while it waits for the desk, and leaves with it.
    const triageDue = new Date(Date.now() + 2 * 3600_000).toISOString();
    await kit.publish(Topics.Sla, SlaEvents.deadlineSet, id, {
      ticketId: id,
      timerId: `${id}-triage`,
      kind: 'triage',
      departmentId: null,
      dueAt: triageDue,
      policyId: 'p1',
      policyVersion: 2,
      reason: 'opened',
    });
    expect((await detail(id)).deadlines).toMatchObject({ triage: triageDue, respond: null });
    await decided(id, DEP.hrss);
    await kit.publish(Topics.Sla, SlaEvents.timerStopped, id, {
      ticketId: id,
      timerId: `${id}-triage`,
      kind: 'triage',
      departmentId: null,
      dueAt: triageDue,
      stoppedAt: new Date().toISOString(),
      breached: false,
      workingMinutesUsed: 5,
      outcome: 'met',
    });
    expect((await detail(id)).deadlines.triage).toBeNull();
    // A transfer asked before signing goes back to assigned when rejected.
    await act(id, 'request-transfer', 'depLead', { reason: '不属于本局' });
    await kit.publish(Topics.Dispatch, DispatchEvents.transferDecided, id, {
      ticketId: id,
      approved: false,
      fromDepartmentId: DEP.hrss,
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: '首办负责，请继续办理',
    });
    expect((await detail(id)).status).toBe('assigned');
    await act(id, 'acknowledge', 'depLead', {});
    await act(id, 'request-transfer', 'depLead', { reason: '仍不属于本局' });
    await kit.publish(Topics.Dispatch, DispatchEvents.transferDecided, id, {
      ticketId: id,
      approved: false,
      fromDepartmentId: DEP.hrss,
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: '驳回',
    });
    expect((await detail(id)).status).toBe('in_progress');
    expect(await kit.outboxTypes(id)).toEqual(
      expect.arrayContaining([TicketEvents.triageQueued, TicketEvents.transferRejected]),
    );

    for (let round = 1; round <= 2; round++) {
      await act(id, 'reply', 'depLead', { message: `答复 ${round}` });
      await act(id, 'resolve', 'depLead', { result: `办结 ${round}` });
      await act(id, 'feedback', 'entA', { contacted: true, solved: false, satisfaction: 'unsatisfied' });
      await act(id, 'reopen', 'entA', { reason: `不满意 ${round}` });
      await act(id, 'acknowledge', 'depLead', {});
    }
    await act(id, 'reply', 'depLead', { message: '答复 3' });
    await act(id, 'resolve', 'depLead', { result: '办结 3' });
    await act(id, 'feedback', 'entA', { contacted: true, solved: false, satisfaction: 'unsatisfied' });
    const refused = await act(id, 'reopen', 'entA', { reason: '第三次' }, 409);
    expect(refused).toMatchObject({
      type: 'urn:chuishao:problem:illegalTransition',
      currentStatus: 'resolved',
    });
    expect(refused.detail).toContain('limit (2)');
    await act(id, 'close', 'entA', { reason: '放弃' });
    const t = await detail(id);
    expect(t).toMatchObject({ status: 'closed', closeOutcome: 'feedback', reopenCount: 2 });
    const { rows } = await kit.pg.query(`SELECT envelope FROM ticket.outbox WHERE key = $1 AND type = $2`, [
      id,
      TicketEvents.closed,
    ]);
    expect(rows[0].envelope.payload).toMatchObject({ outcome: 'feedback', satisfaction: 'unsatisfied' });
  });

  it('refuses an extension that would not end after the resolve deadline in force', async () => {
    const id = (await kit.submit('entA')).body.id;
    await decided(id, DEP.hrss);
    await act(id, 'acknowledge', 'depLead', { note: '已签收' });
    const current = new Date(Date.now() + 5 * 86400_000);
    await kit.publish(Topics.Sla, SlaEvents.deadlineSet, id, {
      ticketId: id,
      timerId: `${id}-resolve`,
      kind: 'resolve',
      departmentId: DEP.hrss,
      dueAt: current.toISOString(),
      policyId: 'p1',
      policyVersion: 1,
      reason: 'opened',
    });
    const earlier = new Date(current.getTime() - 86400_000).toISOString();
    const refused = await act(
      id,
      'request-extension',
      'depLead',
      { reason: '需要更多时间', proposedDueAt: earlier },
      400,
    );
    expect(refused.errors).toEqual([
      {
        field: 'proposedDueAt',
        messages: [`must be later than the current resolve deadline (${current.toISOString()})`],
      },
    ]);
    const later = new Date(current.getTime() + 3 * 86400_000).toISOString();
    await act(id, 'request-extension', 'depLead', { reason: '需要更多时间', proposedDueAt: later });
    const notLater = await act(
      id,
      'decide-extension',
      'committee',
      { approved: true, note: '同意', newDueAt: current.toISOString() },
      400,
    );
    expect(notLater.errors.map((e: { field: string }) => e.field)).toEqual(['newDueAt']);
    expect((await detail(id)).pendingExtension).toBeTruthy();
    // The desk finds the waiting requests by a filter, not by opening every ticket.
    const waitingIds = async () =>
      (await kit.api('GET', '/api/v1/tickets?pendingExtension=true&limit=100', 'committee')).body.items.map(
        (t: { id: string }) => t.id,
      );
    expect(await waitingIds()).toContain(id);
    const bad = await kit.api('GET', '/api/v1/tickets?pendingExtension=maybe', 'committee');
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'pendingExtension']);
    await act(id, 'decide-extension', 'committee', { approved: true, note: '同意' });
    expect(await waitingIds()).not.toContain(id);
  });

  it('keeps SLA deadlines and flags for the queue, and waits for a callback when the feedback window lapses and closes as no feedback when the callback window lapses too', async () => {
    const soon = (await kit.submit('entA')).body.id;
    const later = (await kit.submit('entA')).body.id;
    const late = (await kit.submit('entA')).body.id;
    for (const id of [soon, later, late]) await decided(id, DEP.tax);
    const setDeadline = (id: string, kind: string, dueAt: Date) =>
      kit.publish(Topics.Sla, SlaEvents.deadlineSet, id, {
        ticketId: id,
        timerId: `${id}-${kind}`,
        kind,
        departmentId: DEP.tax,
        dueAt: dueAt.toISOString(),
        policyId: 'p1',
        policyVersion: 1,
        reason: 'opened',
      });
    await setDeadline(soon, 'respond', new Date(Date.now() + 2 * 3600_000));
    await setDeadline(later, 'respond', new Date(Date.now() + 30 * 3600_000));
    await setDeadline(late, 'respond', new Date(Date.now() - 3600_000));
    await kit.publish(Topics.Sla, SlaEvents.warning, soon, {
      ticketId: soon,
      timerId: 'x',
      kind: 'respond',
      departmentId: DEP.tax,
      dueAt: new Date().toISOString(),
      level: 'yellow',
      threshold: '80%',
    });
    await kit.publish(Topics.Sla, SlaEvents.breached, late, {
      ticketId: late,
      timerId: 'y',
      kind: 'respond',
      departmentId: DEP.tax,
      dueAt: new Date().toISOString(),
      level: 'red',
    });
    // A warning after the breach must not turn red back to yellow.
    await kit.publish(Topics.Sla, SlaEvents.warning, late, {
      ticketId: late,
      timerId: 'y',
      kind: 'respond',
      departmentId: DEP.tax,
      dueAt: new Date().toISOString(),
      level: 'yellow',
      threshold: '80%',
    });

    const byDeadline = await kit.api('GET', '/api/v1/tickets?sort=deadline&limit=2', 'depOther');
    expect(byDeadline.status).toBe(200);
    expect(byDeadline.body.items.map((i: { id: string }) => i.id)).toEqual([late, soon]);
    expect(byDeadline.body.items.map((i: { flag: string }) => i.flag)).toEqual(['red', 'yellow']);
    const page2 = await kit.api(
      'GET',
      `/api/v1/tickets?sort=deadline&limit=2&cursor=${byDeadline.body.nextCursor}`,
      'depOther',
    );
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([later]);
    expect(page2.body.nextCursor).toBeNull();
    const dueSoon = await kit.api('GET', '/api/v1/tickets?dueSoonHours=4', 'depOther');
    expect(dueSoon.body.items.map((i: { id: string }) => i.id)).toEqual([soon]);
    const overdue = await kit.api('GET', '/api/v1/tickets?overdue=true', 'depOther');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([late]);
    const wrongCursor = await kit.api(
      'GET',
      `/api/v1/tickets?cursor=${byDeadline.body.nextCursor}`,
      'depOther',
    );
    expect(wrongCursor.status).toBe(400);
    expect(wrongCursor.body.errors[0].field).toBe('cursor');
    expect((await kit.api('GET', '/api/v1/tickets?cursor=bm9wZQ', 'depOther')).status).toBe(400);

    const t = await detail(late);
    expect(t.deadlines).toMatchObject({ flags: { respond: 'red' }, flag: 'red' });
    expect(t.version).toBe(2); // SLA read-model updates never bump the version

    // Feedback window lapses: the ticket waits for the committee's callback (待回访); when the
    // callback window lapses too, it closes as no feedback, never as satisfied.
    await act(late, 'acknowledge', 'depOther', {});
    await act(late, 'reply', 'depOther', { message: '已处理' });
    await act(late, 'resolve', 'depOther', { result: '已处理' });
    await kit.publish(Topics.Sla, SlaEvents.breached, late, {
      ticketId: late,
      timerId: 'f',
      kind: 'feedback',
      departmentId: null,
      dueAt: new Date().toISOString(),
      level: 'red',
    });
    const waiting = await detail(late);
    expect(waiting).toMatchObject({ status: 'resolved', awaitingCallback: true });
    expect(waiting.deadlines.feedbackLapsedAt).toEqual(expect.any(String));
    await kit.publish(Topics.Sla, SlaEvents.breached, late, {
      ticketId: late,
      timerId: 'c',
      kind: 'callback',
      departmentId: null,
      dueAt: new Date().toISOString(),
      level: 'red',
    });
    const closed = await detail(late);
    expect(closed).toMatchObject({ status: 'closed', closeOutcome: 'no_feedback' });
    expect(closed.timeline.at(-1)).toMatchObject({
      action: 'closeWithoutFeedback',
      actor: { id: 'system', role: 'system' },
      reasonCode: 'closed.callbackLapsed',
      reasonParams: { outcome: 'no_feedback' },
    });
    expect(closed.awaitingCallback).toBe(false);
    const { rows } = await kit.pg.query(`SELECT envelope FROM ticket.outbox WHERE key = $1 AND type = $2`, [
      late,
      TicketEvents.closed,
    ]);
    expect(rows[0].envelope.payload).toMatchObject({
      status: 'closed',
      outcome: 'no_feedback',
      satisfaction: null,
      solved: null,
    });

    // The same breach redelivered (same event id) or a duplicate decision is harmless.
    await kit.publish(Topics.Sla, SlaEvents.breached, late, {
      ticketId: late,
      timerId: 'c',
      kind: 'callback',
      departmentId: null,
      dueAt: new Date().toISOString(),
      level: 'red',
    });
    await decided(late, DEP.hrss);
    expect((await detail(late)).version).toBe(closed.version);
  });

  it('withdraws before acknowledgement only', async () => {
    const { body } = await kit.submit('entA');
    await decided(body.id, DEP.hrss);
    const withdrawn = await act(body.id, 'withdraw', 'entA', { reason: '已自行解决' });
    expect(withdrawn.status).toBe('withdrawn');
    const again = await act(body.id, 'withdraw', 'entA', { reason: 'x' }, 409);
    expect(again).toMatchObject({
      type: 'urn:chuishao:problem:illegalTransition',
      currentStatus: 'withdrawn',
    });
  });

  it('applies a delivered batch of decisions with one locking read, each ticket.assigned caused by its own decision, once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await kit.submit('entA')).body.id);
    // Withdrawn meanwhile: its decision no longer fits and is skipped, the others still apply.
    await act(ids[1], 'withdraw', 'entA', { reason: '已自行解决' });
    const envelopes = ids.map((ticketId, i) =>
      createEnvelope({
        type: DispatchEvents.decided,
        aggregateId: ticketId,
        aggregateVersion: 1,
        actor: { id: 'system', role: 'system' },
        payload: {
          ticketId,
          leadDepartmentId: i === 2 ? DEP.tax : DEP.hrss,
          coHandlerDepartmentIds: [],
          via: 'rule',
          ruleId: 'rule-utilities',
          ruleVersion: 1,
          explanation: 'category utilities',
        },
      }),
    );
    // One batch of three.
    const sql = await statementsOf(() => kit.publishTogether(Topics.Dispatch, envelopes));
    expect(sql.filter((q) => /FROM "ticket"\."tickets" t WHERE t\.id = ANY/.test(q))).toHaveLength(1);
    expect((await detail(ids[0])).leadDepartment.id).toBe(DEP.hrss);
    expect((await detail(ids[1])).status).toBe('withdrawn');
    expect((await detail(ids[2])).leadDepartment.id).toBe(DEP.tax);
    const assigned = await kit.pg.query(
      `SELECT key, envelope->>'correlationId' AS correlation, envelope->>'causationId' AS causation
         FROM ticket.outbox WHERE type = $1 AND key = ANY($2) ORDER BY seq`,
      [TicketEvents.assigned, ids],
    );
    expect(assigned.rows).toEqual(
      [envelopes[0], envelopes[2]].map((e) => ({
        key: e.aggregateId,
        correlation: e.correlationId,
        causation: e.id,
      })),
    );
    // Delivered again: the inbox drops them.
    const before = await kit.count('outbox');
    await kit.publishTogether(Topics.Dispatch, envelopes);
    expect(await kit.count('outbox')).toBe(before);
  });
});
