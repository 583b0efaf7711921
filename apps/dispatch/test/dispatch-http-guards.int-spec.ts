import { Role, Roles, TicketEvents } from '@ticketing/contracts';
import { DEFAULT_RULES } from '../src/rules/domain/default-rules';
import { dep, DispatchTestKit, submitted, ticketBase, ticketEvent } from './dispatch-test-kit';

const RULE = DEFAULT_RULES[1].id;

describe('dispatch: who may call what, and bad input', () => {
  let kit: DispatchTestKit;
  let triageTicket: string;
  let transferId: string;

  beforeAll(async () => {
    kit = await DispatchTestKit.start();
    const triage = submitted({ category: 'other' });
    const routed = submitted({ category: 'labour' });
    await kit.publish(triage, routed);
    triageTicket = triage.aggregateId;
    await kit.publish(
      ticketEvent(TicketEvents.transferRequested, routed.aggregateId, {
        ...ticketBase(routed.aggregateId, { leadDepartmentId: dep('hrss') }),
        departmentId: dep('hrss'),
        reason: '非本局职责',
      }),
    );
    transferId = (await kit.sql.query(`SELECT id FROM dispatch.transfer_requests`)).rows[0].id;
  });
  afterAll(async () => {
    await kit?.stop();
  });

  /** Everything the desk has written; a refused request must leave it unchanged. */
  async function fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const q of [
      'SELECT id, version, priority, enabled FROM dispatch.routing_rules ORDER BY id',
      'SELECT rule_id, version FROM dispatch.routing_rule_versions ORDER BY rule_id, version',
      'SELECT ticket_id, status, lead_department_id, events_emitted FROM dispatch.dispatch_tickets ORDER BY ticket_id',
      'SELECT id, status FROM dispatch.transfer_requests ORDER BY id',
      'SELECT count(*) FROM dispatch.outbox',
      'SELECT count(*) FROM dispatch.ticket_history',
      'SELECT count(*) FROM dispatch.department_activity',
    ]) {
      parts.push(JSON.stringify((await kit.sql.query(q)).rows));
    }
    return parts.join('\n');
  }

  const validRule = {
    name: '测试规则',
    conditions: { categories: ['legal'] },
    decision: { leadDepartmentId: dep('justice'), coHandlerDepartmentIds: [] },
  };

  const endpoints: { method: string; path: () => string; allowed: Role[]; body?: () => unknown }[] = [
    { method: 'GET', path: () => '/api/v1/dispatch/rules', allowed: ['committee', 'admin'] },
    { method: 'GET', path: () => `/api/v1/dispatch/rules/${RULE}`, allowed: ['committee', 'admin'] },
    { method: 'GET', path: () => `/api/v1/dispatch/rules/${RULE}/versions`, allowed: ['committee', 'admin'] },
    { method: 'POST', path: () => '/api/v1/dispatch/rules', allowed: ['committee'], body: () => validRule },
    {
      method: 'PUT',
      path: () => `/api/v1/dispatch/rules/${RULE}`,
      allowed: ['committee'],
      body: () => ({ ...validRule, expectedVersion: 1 }),
    },
    {
      method: 'POST',
      path: () => `/api/v1/dispatch/rules/${RULE}/disable`,
      allowed: ['committee'],
      body: () => ({ expectedVersion: 1 }),
    },
    {
      method: 'POST',
      path: () => `/api/v1/dispatch/rules/${RULE}/enable`,
      allowed: ['committee'],
      body: () => ({ expectedVersion: 1 }),
    },
    {
      method: 'PUT',
      path: () => '/api/v1/dispatch/rules/order',
      allowed: ['committee'],
      body: () => ({ ruleIds: [RULE] }),
    },
    {
      method: 'POST',
      path: () => '/api/v1/dispatch/rules/explain',
      allowed: ['committee', 'admin'],
      body: () => ({ title: 't', description: 'd', category: 'tax' }),
    },
    { method: 'GET', path: () => '/api/v1/dispatch/triage', allowed: ['committee'] },
    {
      method: 'POST',
      path: () => `/api/v1/dispatch/triage/${triageTicket}/assign`,
      allowed: ['committee'],
      body: () => ({ leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [], note: 'n' }),
    },
    { method: 'GET', path: () => '/api/v1/dispatch/transfers?status=pending', allowed: ['committee'] },
    {
      method: 'POST',
      path: () => `/api/v1/dispatch/transfers/${transferId}/decision`,
      allowed: ['committee'],
      body: () => ({ approved: false, note: 'n' }),
    },
    {
      method: 'GET',
      path: () => `/api/v1/dispatch/tickets/${triageTicket}/history`,
      allowed: ['committee', 'admin'],
    },
    { method: 'GET', path: () => '/api/v1/dispatch/stats/departments', allowed: ['committee', 'admin'] },
  ];

  it.each(endpoints.map((e) => [`${e.method} ${e.path().replace(/[0-9a-f-]{36}/g, ':id')}`, e] as const))(
    '%s: 401 without a valid token, 403 for other roles, allowed roles pass the guard',
    async (_name, e) => {
      const before = await fingerprint();
      const body = e.body?.();
      const none = await kit.call(e.method, e.path(), { body });
      expect(none.status).toBe(401);
      expect(none.contentType).toContain('application/problem+json');
      const forged = await kit.call(e.method, e.path(), {
        body,
        token: kit.token('committee').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      });
      expect(forged.status).toBe(401);
      for (const role of Roles.filter((r) => !e.allowed.includes(r))) {
        const res = await kit.call(e.method, e.path(), { role, body });
        expect([role, res.status]).toEqual([role, 403]);
      }
      expect(await fingerprint()).toBe(before);
      for (const role of e.allowed) {
        // Writers get an empty body: past the guard, the validation refuses it and nothing changes.
        const res = await kit.call(e.method, e.path(), { role, body: e.body ? {} : undefined });
        expect([role, res.status]).toEqual([role, e.body ? 400 : 200]);
      }
      expect(await fingerprint()).toBe(before);
    },
  );

  const bad: [string, string, string, unknown, string][] = [
    ['rule without a name', 'POST', '/api/v1/dispatch/rules', { ...validRule, name: '' }, 'name'],
    [
      'rule with an unknown field',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, colour: 'red' },
      'colour',
    ],
    [
      'rule without conditions',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, conditions: {} },
      'conditions',
    ],
    [
      'rule with only empty conditions',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, conditions: { keywords: ['  '] } },
      'conditions',
    ],
    [
      'rule with a bad category',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, conditions: { categories: ['Not A Code'] } },
      'conditions.categories',
    ],
    [
      'rule with an empty keyword',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, conditions: { keywords: [''] } },
      'conditions.keywords',
    ],
    [
      'rule without a decision',
      'POST',
      '/api/v1/dispatch/rules',
      { name: 'x', conditions: { categories: ['tax'] } },
      'decision',
    ],
    [
      'rule to an unknown department',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, decision: { leadDepartmentId: 'nope', coHandlerDepartmentIds: [] } },
      'decision.leadDepartmentId',
    ],
    [
      'rule with the lead among its co-handlers',
      'POST',
      '/api/v1/dispatch/rules',
      {
        ...validRule,
        decision: { leadDepartmentId: dep('justice'), coHandlerDepartmentIds: [dep('justice')] },
      },
      'decision.coHandlerDepartmentIds',
    ],
    [
      'rule with a negative priority',
      'POST',
      '/api/v1/dispatch/rules',
      { ...validRule, priority: -1 },
      'priority',
    ],
    [
      'edit of a non-id',
      'PUT',
      '/api/v1/dispatch/rules/not-a-uuid',
      { ...validRule, expectedVersion: 1 },
      'id',
    ],
    ['edit without expectedVersion', 'PUT', `/api/v1/dispatch/rules/${RULE}`, validRule, 'expectedVersion'],
    [
      'edit to an unknown co-handler',
      'PUT',
      `/api/v1/dispatch/rules/${RULE}`,
      {
        ...validRule,
        expectedVersion: 1,
        decision: { leadDepartmentId: dep('justice'), coHandlerDepartmentIds: ['ghost'] },
      },
      'decision.coHandlerDepartmentIds',
    ],
    [
      'edit with a version past what a version column holds',
      'PUT',
      `/api/v1/dispatch/rules/${RULE}`,
      { ...validRule, expectedVersion: 2147483648 },
      'expectedVersion',
    ],
    [
      'disable with a version of 2^63',
      'POST',
      `/api/v1/dispatch/rules/${RULE}/disable`,
      { expectedVersion: 2 ** 63 },
      'expectedVersion',
    ],
    [
      'enable with a version of 1e308',
      'POST',
      `/api/v1/dispatch/rules/${RULE}/enable`,
      { expectedVersion: 1e308 },
      'expectedVersion',
    ],
    [
      'rule with an over-long co-handler id',
      'POST',
      '/api/v1/dispatch/rules',
      {
        ...validRule,
        decision: { leadDepartmentId: dep('justice'), coHandlerDepartmentIds: ['x'.repeat(101)] },
      },
      'decision.coHandlerDepartmentIds',
    ],
    [
      'disable with a non-number version',
      'POST',
      `/api/v1/dispatch/rules/${RULE}/disable`,
      { expectedVersion: 'one' },
      'expectedVersion',
    ],
    ['order missing rules', 'PUT', '/api/v1/dispatch/rules/order', { ruleIds: [RULE] }, 'ruleIds'],
    ['order with a non-id', 'PUT', '/api/v1/dispatch/rules/order', { ruleIds: ['x'] }, 'ruleIds'],
    [
      'explain without a category',
      'POST',
      '/api/v1/dispatch/rules/explain',
      { title: 't', description: 'd' },
      'category',
    ],
    [
      'explain with a numeric title',
      'POST',
      '/api/v1/dispatch/rules/explain',
      { title: 5, description: 'd', category: 'tax' },
      'title',
    ],
    ['triage page of zero', 'GET', '/api/v1/dispatch/triage?limit=0', undefined, 'limit'],
    ['triage with a forged cursor', 'GET', '/api/v1/dispatch/triage?cursor=bm9wZQ', undefined, 'cursor'],
    [
      'assign without a note',
      'POST',
      '/api/v1/dispatch/triage/TICKET/assign',
      { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [] },
      'note',
    ],
    [
      'assign to an unknown lead',
      'POST',
      '/api/v1/dispatch/triage/TICKET/assign',
      { leadDepartmentId: 'ghost', coHandlerDepartmentIds: [], note: 'n' },
      'leadDepartmentId',
    ],
    [
      'assign with an over-long co-handler id',
      'POST',
      '/api/v1/dispatch/triage/TICKET/assign',
      { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: ['x'.repeat(101)], note: 'n' },
      'coHandlerDepartmentIds',
    ],
    [
      'assign with the lead as co-handler',
      'POST',
      '/api/v1/dispatch/triage/TICKET/assign',
      { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [dep('tax')], note: 'n' },
      'coHandlerDepartmentIds',
    ],
    ['transfers of an unknown status', 'GET', '/api/v1/dispatch/transfers?status=lost', undefined, 'status'],
    [
      'decision on a non-id',
      'POST',
      '/api/v1/dispatch/transfers/123/decision',
      { approved: false, note: 'n' },
      'id',
    ],
    [
      'decision without approved',
      'POST',
      '/api/v1/dispatch/transfers/TRANSFER/decision',
      { note: 'n' },
      'approved',
    ],
    [
      'decision without a note',
      'POST',
      '/api/v1/dispatch/transfers/TRANSFER/decision',
      { approved: false },
      'note',
    ],
    [
      'approval without a new lead',
      'POST',
      '/api/v1/dispatch/transfers/TRANSFER/decision',
      { approved: true, note: 'n' },
      'leadDepartmentId',
    ],
    [
      'rejection naming a lead',
      'POST',
      '/api/v1/dispatch/transfers/TRANSFER/decision',
      { approved: false, leadDepartmentId: dep('tax'), note: 'n' },
      'leadDepartmentId',
    ],
    [
      'history of an over-long id',
      'GET',
      `/api/v1/dispatch/tickets/${'x'.repeat(101)}/history`,
      undefined,
      'ticketId',
    ],
    ['stats from a non-date', 'GET', '/api/v1/dispatch/stats/departments?from=yesterday', undefined, 'from'],
    [
      'stats ending before they start',
      'GET',
      '/api/v1/dispatch/stats/departments?from=2026-02-01&to=2026-01-01',
      undefined,
      'to',
    ],
  ];

  it.each(bad)('%s → 400 naming the field, nothing written', async (_name, method, rawPath, body, field) => {
    const before = await fingerprint();
    const path = rawPath.replace('TICKET', triageTicket).replace('TRANSFER', transferId);
    const res = await kit.call(method, path, { role: 'committee', body });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await fingerprint()).toBe(before);
  });

  it('answers a malformed JSON body with 400 and writes nothing', async () => {
    const before = await fingerprint();
    const res = await kit.call('POST', '/api/v1/dispatch/rules', { role: 'committee', body: '{"name": ' });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(await fingerprint()).toBe(before);
  });

  it('answers unknown rules, tickets and transfer requests with 404', async () => {
    const ghost = '0193ffff-0000-7000-8000-000000000000';
    expect((await kit.call('GET', `/api/v1/dispatch/rules/${ghost}`, { role: 'admin' })).status).toBe(404);
    expect(
      (await kit.call('GET', `/api/v1/dispatch/rules/${ghost}/versions`, { role: 'admin' })).status,
    ).toBe(404);
    expect(
      (await kit.call('GET', `/api/v1/dispatch/tickets/${ghost}/history`, { role: 'committee' })).status,
    ).toBe(404);
    const assign = await kit.call('POST', `/api/v1/dispatch/triage/${ghost}/assign`, {
      role: 'committee',
      body: { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [], note: 'n' },
    });
    expect(assign.status).toBe(404);
    expect(
      (
        await kit.call('POST', `/api/v1/dispatch/transfers/${ghost}/decision`, {
          role: 'committee',
          body: { approved: false, note: 'n' },
        })
      ).status,
    ).toBe(404);
  });
});
