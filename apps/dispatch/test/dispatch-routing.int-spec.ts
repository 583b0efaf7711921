import { DEFAULT_DEPARTMENTS, DispatchEvents, TicketEvents } from '@ticketing/contracts';
import { idsInOneLane, statementParts, statementsOf } from '@ticketing/testing';
import { DEFAULT_RULES } from '../src/rules/domain/default-rules';
import { dep, DispatchTestKit, submitted, ticketBase, ticketEvent } from './dispatch-test-kit';

const keywordRule = DEFAULT_RULES[0];
const labourRule = DEFAULT_RULES.find((r) => r.conditions.categories?.includes('labour'))!;

describe('dispatch: routing ticket.submitted by the rules', () => {
  let kit: DispatchTestKit;

  beforeAll(async () => {
    kit = await DispatchTestKit.start();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  it('seeds the default departments and one rule per DOMAIN.md category except other, plus the keyword rule', async () => {
    const rules = await kit.call('GET', '/api/v1/dispatch/rules', { role: 'admin' });
    expect(rules.status).toBe(200);
    expect(rules.body).toHaveLength(14);
    const categories = rules.body.flatMap(
      (r: { conditions: { categories?: string[] } }) => r.conditions.categories ?? [],
    );
    expect(categories).not.toContain('other');
    expect(rules.body[0]).toMatchObject({
      name: '停水停电 → 城管局',
      version: 1,
      conditions: { keywords: ['停水', '停电', '水管'] },
    });
    expect(await kit.count('departments')).toBe(DEFAULT_DEPARTMENTS.length);
  });

  it('routes by category: dispatch.decided via rule with the rule id, version and the reason', async () => {
    const e = submitted({ category: 'labour', title: '招工难', description: '今年缺少熟练焊工二十名' });
    await kit.publish(e);
    const out = await kit.outbox(e.aggregateId);
    expect(out.map((o) => o.type)).toEqual([DispatchEvents.decided]);
    expect(out[0].envelope).toMatchObject({
      aggregateId: e.aggregateId,
      aggregateVersion: 1,
      causationId: e.id,
      correlationId: e.correlationId,
      actor: { id: 'system', role: 'system' },
      payload: {
        ticketId: e.aggregateId,
        leadDepartmentId: dep('hrss'),
        coHandlerDepartmentIds: [dep('miit')],
        via: 'rule',
        ruleId: labourRule.id,
        ruleVersion: 1,
        explanation: '按分派规则「用工招聘 → 人社局」（第1版）分派：类别「用工招聘」符合',
      },
    });
  });

  it("writes a routed ticket's row, its history and its event in one statement", async () => {
    const e = submitted({ category: 'labour', title: '招工难', description: '缺少焊工' });
    const sql = await statementsOf(() => kit.publish(e));
    const writes = sql.filter((q) => q.includes('"dispatch"."dispatch_tickets"') && !q.startsWith('SELECT'));
    expect(writes).toHaveLength(1);
    expect(statementParts(writes).map((q) => /^(INSERT INTO|UPDATE|DELETE FROM) (\S+)/.exec(q)?.[0])).toEqual(
      [
        'INSERT INTO "dispatch"."dispatch_tickets"',
        'INSERT INTO "dispatch"."ticket_history"',
        'INSERT INTO "dispatch".outbox',
      ],
    );
    expect((await kit.outbox(e.aggregateId)).map((o) => o.type)).toEqual([DispatchEvents.decided]);
  });

  it('routes by keyword before category, quoting the text that matched', async () => {
    const e = submitted({
      category: 'other',
      title: '紧急求助',
      description: '昨晚厂区水管爆裂，生产线停工',
    });
    await kit.publish(e);
    const [decided] = await kit.outbox(e.aggregateId);
    expect(decided.envelope.payload).toMatchObject({
      leadDepartmentId: dep('urban_mgmt'),
      coHandlerDepartmentIds: [dep('housing')],
      ruleId: keywordRule.id,
    });
    expect(decided.envelope.payload.explanation).toContain('描述中含关键词「水管」');
  });

  it('sends a ticket no rule matches to triage, with the reason', async () => {
    const e = submitted({ category: 'other', title: '其他问题', description: '想了解园区食堂承包' });
    await kit.publish(e);
    const out = await kit.outbox(e.aggregateId);
    expect(out.map((o) => o.type)).toEqual([DispatchEvents.triageNeeded]);
    expect(out[0].envelope.payload).toEqual({
      ticketId: e.aggregateId,
      explanation: '没有适用「其他」的规则，转综合党委人工分派',
    });
  });

  it('applies the same event delivered twice once, and does not route a re-announced ticket again', async () => {
    const e = submitted({ category: 'tax' });
    await kit.publish(e);
    await kit.publish(e);
    const again = { ...submitted({ ticketId: e.aggregateId, category: 'land' }) };
    await kit.publish(again);
    const out = await kit.outbox(e.aggregateId);
    expect(out).toHaveLength(1);
    expect(out[0].envelope.payload).toMatchObject({ leadDepartmentId: dep('tax') });
    const inbox = await kit.sql.query(`SELECT count(*)::int AS n FROM dispatch.inbox WHERE event_id = $1`, [
      e.id,
    ]);
    expect(inbox.rows[0].n).toBe(1);
  });

  it('stores the routing facts and the first handler of a routed ticket', async () => {
    const e = submitted({
      category: 'finance',
      enterpriseName: '某某新材料',
      title: '贷款',
      gridId: 'grid-7',
    });
    await kit.publish(e);
    const r = await kit.sql.query(`SELECT * FROM dispatch.dispatch_tickets WHERE ticket_id = $1`, [
      e.aggregateId,
    ]);
    expect(r.rows[0]).toMatchObject({
      enterprise_name: '某某新材料',
      title: '贷款',
      category: 'finance',
      grid_id: 'grid-7',
      status: 'decided',
      lead_department_id: dep('finance_office'),
      first_handler_department_id: dep('finance_office'),
      decided_via: 'rule',
    });
  });

  it('routes with the edited version of a rule, skips disabled rules, and keeps every version', async () => {
    const rules = (await kit.call('GET', '/api/v1/dispatch/rules', { role: 'committee' })).body;
    const transport = rules.find((r: { name: string }) => r.name.startsWith('交通物流'));
    const edit = await kit.call('PUT', `/api/v1/dispatch/rules/${transport.id}`, {
      role: 'committee',
      body: {
        name: '交通物流 → 交通运输局 (含网格)',
        conditions: { categories: ['transport'], gridIds: ['grid-1'] },
        decision: {
          leadDepartmentId: dep('transport'),
          coHandlerDepartmentIds: [dep('urban_mgmt'), dep('planning')],
        },
        expectedVersion: 1,
      },
    });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, updatedBy: 'committee-user' });

    const inGrid = submitted({ category: 'transport', gridId: 'grid-1' });
    const elsewhere = submitted({ category: 'transport', gridId: 'grid-2' });
    await kit.publish(inGrid, elsewhere);
    expect((await kit.outbox(inGrid.aggregateId))[0].envelope.payload).toMatchObject({
      ruleId: transport.id,
      ruleVersion: 2,
      coHandlerDepartmentIds: [dep('urban_mgmt'), dep('planning')],
    });
    expect((await kit.outbox(elsewhere.aggregateId))[0].type).toBe(DispatchEvents.triageNeeded);

    const disabled = await kit.call('POST', `/api/v1/dispatch/rules/${transport.id}/disable`, {
      role: 'committee',
      body: { expectedVersion: 2 },
    });
    expect(disabled.body).toMatchObject({ version: 3, enabled: false });
    const afterDisable = submitted({ category: 'transport', gridId: 'grid-1' });
    await kit.publish(afterDisable);
    expect((await kit.outbox(afterDisable.aggregateId))[0].type).toBe(DispatchEvents.triageNeeded);

    const twice = await kit.call('POST', `/api/v1/dispatch/rules/${transport.id}/disable`, {
      role: 'committee',
      body: { expectedVersion: 3 },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.state).toBe('disabled');
    const stale = await kit.call('POST', `/api/v1/dispatch/rules/${transport.id}/enable`, {
      role: 'committee',
      body: { expectedVersion: 2 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ state: 'version 3', currentVersion: 3 });
    expect(
      (
        await kit.call('POST', `/api/v1/dispatch/rules/${transport.id}/enable`, {
          role: 'committee',
          body: { expectedVersion: 3 },
        })
      ).body,
    ).toMatchObject({ version: 4, enabled: true });

    const versions = await kit.call('GET', `/api/v1/dispatch/rules/${transport.id}/versions`, {
      role: 'admin',
    });
    expect(versions.body.map((v: { version: number; change: string }) => [v.version, v.change])).toEqual([
      [1, 'created'],
      [2, 'edited'],
      [3, 'disabled'],
      [4, 'enabled'],
    ]);
    expect(versions.body[0]).toMatchObject({
      name: '交通物流 → 交通运输局',
      conditions: { categories: ['transport'] },
      changedBy: 'system',
    });
  });

  it('follows the committee order: a new rule moved to the top wins', async () => {
    const created = await kit.call('POST', '/api/v1/dispatch/rules', {
      role: 'committee',
      body: {
        name: '重点企业 → 工信局',
        conditions: { enterpriseIds: ['ent-vip'] },
        decision: { leadDepartmentId: dep('miit'), coHandlerDepartmentIds: [] },
      },
    });
    expect(created.status).toBe(201);
    const before = submitted({ category: 'labour', enterpriseId: 'ent-vip' });
    await kit.publish(before);
    expect((await kit.outbox(before.aggregateId))[0].envelope.payload).toMatchObject({
      leadDepartmentId: dep('hrss'),
    });

    const ids: string[] = (await kit.call('GET', '/api/v1/dispatch/rules', { role: 'committee' })).body.map(
      (r: { id: string }) => r.id,
    );
    const order = [created.body.id, ...ids.filter((id) => id !== created.body.id)];
    const reordered = await kit.call('PUT', '/api/v1/dispatch/rules/order', {
      role: 'committee',
      body: { ruleIds: order },
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body[0]).toMatchObject({ id: created.body.id, priority: 10, version: 1 });

    const after = submitted({ category: 'labour', enterpriseId: 'ent-vip' });
    await kit.publish(after);
    expect((await kit.outbox(after.aggregateId))[0].envelope.payload).toMatchObject({
      leadDepartmentId: dep('miit'),
      ruleId: created.body.id,
      explanation: '按分派规则「重点企业 → 工信局」（第1版）分派：企业在规则所列的 1 个企业之中',
    });
  });

  it('explains which rule routes a text and why the others do not, without writing anything', async () => {
    const outboxBefore = await kit.count('outbox');
    const r = await kit.call('POST', '/api/v1/dispatch/rules/explain', {
      role: 'committee',
      body: { title: '园区停电', description: '变压器故障', category: 'labour' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      outcome: 'rule',
      decision: { ruleId: keywordRule.id, leadDepartmentId: dep('urban_mgmt') },
      explanation: '按分派规则「停水停电 → 城管局」（第1版）分派：标题中含关键词「停电」：“园区停电”',
    });
    const byId = new Map(r.body.considered.map((c: { ruleId: string }) => [c.ruleId, c]));
    expect(byId.get(labourRule.id)).toMatchObject({ outcome: 'also-matched' });
    expect(r.body.considered.find((c: { name: string }) => c.name.startsWith('财税'))).toMatchObject({
      outcome: 'not-matched',
      reasons: ['类别「用工招聘」不在「财税」之中'],
      reasonsEn: ['category labour is not one of [tax]'],
    });
    const triage = await kit.call('POST', '/api/v1/dispatch/rules/explain', {
      role: 'admin',
      body: { title: '食堂', description: '承包', category: 'other' },
    });
    expect(triage.body).toMatchObject({
      outcome: 'triage',
      decision: null,
      explanation: '没有适用「其他」的规则，转综合党委人工分派',
      explanationEn:
        "no enabled rule matched (category other); the ticket goes to the committee's triage queue",
    });
    expect(await kit.count('outbox')).toBe(outboxBefore);
  });

  it('learns departments from directory events and accepts them in rules only then', async () => {
    const newDept = '0193c000-0000-7000-8000-000000000001';
    const body = {
      name: '数据要素 → 大数据局',
      conditions: { keywords: ['数据要素'] },
      decision: { leadDepartmentId: newDept, coHandlerDepartmentIds: [] },
    };
    const refused = await kit.call('POST', '/api/v1/dispatch/rules', { role: 'committee', body });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['decision.leadDepartmentId']);
    await kit.publish(
      ticketEvent('directory.department-upserted', newDept, {
        id: newDept,
        code: 'big_data',
        name: '大数据局',
        nameEn: null,
        active: true,
      }),
    );
    expect((await kit.call('POST', '/api/v1/dispatch/rules', { role: 'committee', body })).status).toBe(201);
  });

  it('documents every endpoint in OpenAPI, with its error responses', async () => {
    const docs = (await (await fetch(`${kit.running.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.keys(docs.paths).filter((p) => p.startsWith('/api/v1/dispatch'));
    expect(paths.sort()).toEqual([
      '/api/v1/dispatch/rules',
      '/api/v1/dispatch/rules/explain',
      '/api/v1/dispatch/rules/order',
      '/api/v1/dispatch/rules/{id}',
      '/api/v1/dispatch/rules/{id}/disable',
      '/api/v1/dispatch/rules/{id}/enable',
      '/api/v1/dispatch/rules/{id}/versions',
      '/api/v1/dispatch/stats/departments',
      '/api/v1/dispatch/tickets/{ticketId}/history',
      '/api/v1/dispatch/transfers',
      '/api/v1/dispatch/transfers/{id}/decision',
      '/api/v1/dispatch/triage',
      '/api/v1/dispatch/triage/bulk-assign',
      '/api/v1/dispatch/triage/{ticketId}/assign',
    ]);
    for (const p of paths) {
      for (const op of Object.values(docs.paths[p]) as {
        responses: Record<string, unknown>;
        tags: string[];
      }[]) {
        expect(op.tags.length).toBeGreaterThan(0);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });

  it('ignores ticket events it has no business with, before its inbox', async () => {
    const skipped = async () => {
      const text = await (await fetch(`${kit.running.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => l.startsWith('events_skipped_total{consumer="dispatch.ticket-events"'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const before = await kit.count('outbox');
    const skippedBefore = await skipped();
    const acknowledged = ticketEvent(TicketEvents.acknowledged, 'some-ticket', {
      ...ticketBase('some-ticket', { status: 'in_progress' }),
      departmentId: dep('tax'),
      reason: '已签收',
    });
    await kit.publish(acknowledged);
    expect(await kit.count('outbox')).toBe(before);
    // Skipped as a type the consumer does not name: no transaction, no inbox row, counted.
    const inbox = await kit.sql.query(`SELECT count(*)::int AS n FROM dispatch.inbox WHERE event_id = $1`, [
      acknowledged.id,
    ]);
    expect(inbox.rows[0].n).toBe(0);
    expect(await skipped()).toBe(skippedBefore + 1);
  });

  it('applies a delivered batch in rounds: one locking read per round, each ticket in order, each decision caused by its submission, once', async () => {
    // Three tickets in one lane of the in-process transport, so that one batch delivers their events.
    const [a, b, c] = idsInOneLane(3);
    const subA = submitted({ ticketId: a, category: 'labour' });
    const subB = submitted({ ticketId: b, category: 'other', title: '停水', description: '厂区水管爆裂' });
    const subC = submitted({ ticketId: c, category: 'other', title: '咨询', description: '请答复' });
    // a's assignment comes in the same delivery, after its submission: a second round.
    const assignedA = ticketEvent(TicketEvents.assigned, a, {
      ...ticketBase(a, { status: 'assigned', category: 'labour', leadDepartmentId: dep('tax') }),
      via: 'manual',
      ruleId: null,
      previousLeadDepartmentId: null,
      firstHandlerDepartmentId: dep('tax'),
    });
    const events = [subA, subB, assignedA, subC];
    const sql = await statementsOf(() => kit.publish(...events));
    const locks = sql.filter((q) =>
      /FROM "dispatch"\."dispatch_tickets" t\s+WHERE t\.ticket_id = ANY/.test(q),
    );
    expect(locks).toHaveLength(2);

    const decisions = await Promise.all([a, b, c].map((id) => kit.outbox(id)));
    expect(decisions.map((d) => d.map((o) => o.type))).toEqual([
      [DispatchEvents.decided],
      [DispatchEvents.decided],
      [DispatchEvents.triageNeeded],
    ]);
    // Each decision continues its own submission's correlation.
    expect(decisions.map(([d]) => [d.envelope.correlationId, d.envelope.causationId])).toEqual(
      [subA, subB, subC].map((e) => [e.correlationId, e.id]),
    );
    // a was routed by its rule (hrss, its first handler), then followed its assignment: the second
    // round saw the row the first wrote.
    const row = await kit.sql.query(
      `SELECT lead_department_id, first_handler_department_id FROM dispatch.dispatch_tickets WHERE ticket_id = $1`,
      [a],
    );
    expect(row.rows[0]).toEqual({ lead_department_id: dep('tax'), first_handler_department_id: dep('hrss') });

    // Delivered again: the inbox drops every event, nothing is routed or counted twice.
    const before = await kit.count('outbox');
    const counted = await kit.count('department_activity');
    await kit.publish(...events);
    expect(await kit.count('outbox')).toBe(before);
    expect(await kit.count('department_activity')).toBe(counted);
  });
});
