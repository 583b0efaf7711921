/**
 * Routing a ticket reads the rules and the active departments from the settings cache, not the
 * database, while they do not change. A change committed through the desk's own API (or a
 * directory event) reaches the cache before the next ticket, in the same process that had cached
 * the old rules (the writing transaction touches the table); a change committed elsewhere (another
 * replica, psql) reaches it by the table's trigger once its notification arrives.
 */
import { DEFAULT_DEPARTMENTS, DirectoryEvents, DispatchEvents } from '@ticketing/contracts';
import { SettingsCache } from '@ticketing/database';
import { DEFAULT_RULES } from '../src/rules/domain/default-rules';
import { eventually } from '@ticketing/testing';
import { dep, DispatchTestKit, submitted, ticketEvent } from './dispatch-test-kit';

const labourRule = DEFAULT_RULES.find((r) => r.conditions.categories?.includes('labour'))!;

describe('dispatch: routing from the settings cache, kept true by the changes', () => {
  let kit: DispatchTestKit;
  let cache: SettingsCache;

  beforeAll(async () => {
    kit = await DispatchTestKit.start();
    cache = kit.running.app.get(SettingsCache);
  });
  afterAll(async () => {
    await kit?.stop();
  });

  /** Routes one labour ticket of `enterpriseId`: its decision event, and how many of its reads were served from memory. */
  async function routeLabour(enterpriseId = 'ent-1') {
    const hits = cache.stats.hits;
    const e = submitted({
      category: 'labour',
      enterpriseId,
      title: '招工难',
      description: '今年缺少熟练焊工',
    });
    await kit.publish(e);
    const out = await kit.outbox(e.aggregateId);
    expect(out).toHaveLength(1);
    return { type: out[0].type, payload: out[0].envelope.payload, fromMemory: cache.stats.hits - hits };
  }

  /** Routes tickets until one is routed with both its reads (rules, departments) served from memory. */
  async function routeFromMemory() {
    for (let i = 0; i < 100; i++) {
      const r = await routeLabour();
      if (r.fromMemory === 2) return r;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('routing never read the rules and departments from the cache');
  }

  async function directory(code: 'miit', active: boolean): Promise<void> {
    const d = DEFAULT_DEPARTMENTS.find((x) => x.code === code)!;
    await kit.publish(
      ticketEvent(DirectoryEvents.departmentUpserted, d.id, {
        id: d.id,
        code: d.code,
        name: d.zh,
        nameEn: d.en,
        active,
      }),
    );
  }

  it('routes the next ticket by a rule edited, disabled, enabled, created or moved through the API', async () => {
    const cached = await routeFromMemory();
    expect(cached.payload).toMatchObject({
      ruleId: labourRule.id,
      ruleVersion: 1,
      leadDepartmentId: dep('hrss'),
      coHandlerDepartmentIds: [dep('miit')],
    });

    const edit = await kit.call('PUT', `/api/v1/dispatch/rules/${labourRule.id}`, {
      role: 'committee',
      body: {
        name: '用工招聘 → 工信局',
        conditions: { categories: ['labour'] },
        decision: { leadDepartmentId: dep('miit'), coHandlerDepartmentIds: [dep('hrss')] },
        expectedVersion: 1,
      },
    });
    expect(edit.status).toBe(200);
    expect((await routeLabour()).payload).toMatchObject({
      ruleId: labourRule.id,
      ruleVersion: 2,
      leadDepartmentId: dep('miit'),
      coHandlerDepartmentIds: [dep('hrss')],
    });
    // ...and the new rules are cached in turn.
    expect((await routeFromMemory()).payload).toMatchObject({ ruleVersion: 2 });

    const disable = await kit.call('POST', `/api/v1/dispatch/rules/${labourRule.id}/disable`, {
      role: 'committee',
      body: { expectedVersion: 2 },
    });
    expect(disable.status).toBe(200);
    expect((await routeLabour()).type).toBe(DispatchEvents.triageNeeded);
    expect((await routeFromMemory()).type).toBe(DispatchEvents.triageNeeded);

    const enable = await kit.call('POST', `/api/v1/dispatch/rules/${labourRule.id}/enable`, {
      role: 'committee',
      body: { expectedVersion: 3 },
    });
    expect(enable.status).toBe(200);
    expect((await routeLabour()).payload).toMatchObject({ ruleId: labourRule.id, ruleVersion: 4 });

    // A new rule goes last: the labour rule still wins for its enterprise, from memory.
    const created = await kit.call('POST', '/api/v1/dispatch/rules', {
      role: 'committee',
      body: {
        name: '重点企业 → 财税',
        conditions: { enterpriseIds: ['ent-vip'] },
        decision: { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [] },
      },
    });
    expect(created.status).toBe(201);
    await routeFromMemory();
    const vipBefore = await routeLabour('ent-vip');
    expect(vipBefore.fromMemory).toBe(2);
    expect(vipBefore.payload).toMatchObject({ ruleId: labourRule.id });

    const ids: string[] = (await kit.call('GET', '/api/v1/dispatch/rules', { role: 'committee' })).body.map(
      (r: { id: string }) => r.id,
    );
    const reordered = await kit.call('PUT', '/api/v1/dispatch/rules/order', {
      role: 'committee',
      body: { ruleIds: [created.body.id, ...ids.filter((id) => id !== created.body.id)] },
    });
    expect(reordered.status).toBe(200);
    expect((await routeLabour('ent-vip')).payload).toMatchObject({
      ruleId: created.body.id,
      leadDepartmentId: dep('tax'),
    });
  });

  it('no longer routes to a department the directory made inactive, and again once it is active', async () => {
    const cached = await routeFromMemory();
    expect(cached.type).toBe(DispatchEvents.decided);
    expect(cached.payload).toMatchObject({ ruleId: labourRule.id, leadDepartmentId: dep('miit') });

    await directory('miit', false);
    const inactive = await routeLabour();
    expect(inactive.type).toBe(DispatchEvents.triageNeeded);
    expect(inactive.payload.explanation).toContain('规则指定的部门已停用');
    expect((await routeFromMemory()).type).toBe(DispatchEvents.triageNeeded);

    await directory('miit', true);
    const active = await routeLabour();
    expect(active.type).toBe(DispatchEvents.decided);
    expect(active.payload).toMatchObject({ ruleId: labourRule.id, leadDepartmentId: dep('miit') });
  });

  it('routes by a change committed outside the process once its notification arrives', async () => {
    expect((await routeFromMemory()).payload).toMatchObject({ leadDepartmentId: dep('miit') });

    // As another replica or psql would: only the table's trigger tells this process.
    await kit.sql.query(
      `UPDATE dispatch.routing_rules SET lead_department_id = $1, co_handler_department_ids = '[]' WHERE id = $2`,
      [dep('tax'), labourRule.id],
    );
    const byNewRule = await eventually(
      async () => (await routeLabour()).payload.leadDepartmentId === dep('tax'),
      5_000,
      20,
    );
    expect(byNewRule).toBe(true);
    expect((await routeFromMemory()).payload).toMatchObject({ leadDepartmentId: dep('tax') });

    await kit.sql.query(`UPDATE dispatch.departments SET active = false WHERE id = $1`, [dep('tax')]);
    const toTriage = await eventually(
      async () => (await routeLabour()).type === DispatchEvents.triageNeeded,
      5_000,
      20,
    );
    expect(toTriage).toBe(true);
  });
});
