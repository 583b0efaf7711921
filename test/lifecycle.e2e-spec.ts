/**
 * The whistle-to-closure lifecycle through identity, ticket, dispatch and sla, over HTTP, as the
 * users drive it: once in the standalone process (local transport) and once as separate service
 * processes on a real Kafka broker. Each step checks the state the users see and the events the
 * services wrote, including a joint-handling case with an extension and a reopen, a transfer, and
 * a triage + manual assignment + withdrawal.
 */
import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { RunningService, startService } from '@ticketing/platform';
import {
  createTestDatabase,
  describeWithKafka,
  eventually,
  ServiceProcess,
  startDistributed,
  testKafkaBrokers,
} from '@ticketing/testing';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { STANDALONE_MODULES } from '../apps/standalone/src/standalone.modules';

const SECRET = 'lifecycle-e2e-secret-'.padEnd(48, 's');
const PASSWORD = 'Demo@2026';
const dep = (code: string) => DEFAULT_DEPARTMENTS.find((d) => d.code === code)!.id;

type Json = ReturnType<typeof JSON.parse>;
interface Part {
  department: { id: string; name: string };
  role: string;
  content: string | null;
}

/** Where each service answers: one URL in the standalone process, one per process otherwise. */
type Routes = Record<'identity' | 'ticket' | 'dispatch' | 'sla', string>;

class Users {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly routes: Routes) {}

  async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const r = await fetch(`${this.routes.identity}/api/v1/identity/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { accessToken: string };
    this.tokens.set(username, body.accessToken);
    return body.accessToken;
  }

  async call(
    service: keyof Routes,
    method: string,
    path: string,
    as: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> {
    const r = await fetch(`${this.routes[service]}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(as)}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  }
}

async function lifecycle(routes: Routes, databaseUrl: string): Promise<void> {
  const users = new Users(routes);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const ticket = (id: string, as = 'committee') => users.call('ticket', 'GET', `/api/v1/tickets/${id}`, as);
  const waitStatus = async (id: string, status: string) => {
    const seen = await eventually(
      async () => ((await ticket(id)).body?.status === status ? status : undefined),
      30000,
      100,
    );
    expect(seen ?? (await ticket(id)).body?.status).toBe(status);
    return (await ticket(id)).body;
  };
  const act = async (id: string, action: string, as: string, body: Record<string, unknown> = {}) => {
    const current = (await ticket(id, 'committee')).body;
    const r = await users.call('ticket', 'POST', `/api/v1/tickets/${id}/${action}`, as, {
      expectedVersion: current.version,
      ...body,
    });
    expect({ action, status: r.status, body: r.body }).toMatchObject({ action, status: expect.any(Number) });
    if (r.status >= 300) throw new Error(`${action} as ${as}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const events = async (schema: string, id: string): Promise<string[]> =>
    (await pg.query(`SELECT type FROM ${schema}.outbox WHERE key = $1 ORDER BY seq`, [id])).rows.map(
      (r) => r.type,
    );
  const submit = async (body: Record<string, unknown>) => {
    const r = await users.call('ticket', 'POST', '/api/v1/tickets', 'enterprise', {
      contact: { name: '王经理', phone: '13800138000' },
      location: '六枝特区 工业园 3 号厂房',
      urgency: 'normal',
      ...body,
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  try {
    // The directory reaches ticket through events: wait until the demo enterprise is known there.
    await eventually(
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM ticket.directory_enterprises`)).rows[0].n >= 20,
      30000,
    );

    // 1. Joint handling (人社局 leads, 工信局 co-handles), an extension, a reopen, closure on satisfaction.
    const joint = await submit({
      category: 'labour',
      title: '招工难：急需 30 名数控操作工',
      description: '新生产线投产，数控操作工缺口 30 人，希望人社局协助组织专场招聘。',
    });
    let t = await waitStatus(joint, 'assigned');
    expect(t.leadDepartment.id).toBe(dep('hrss'));
    expect(t.firstHandlerDepartmentId).toBe(dep('hrss'));
    expect(t.parts.map((p: Part) => p.department.id)).toContain(dep('miit'));
    expect(await events('dispatch', joint)).toEqual(['dispatch.decided']);

    await act(joint, 'acknowledge', 'dept-hrss');
    await act(joint, 'interim-reply', 'dept-hrss', { message: '已对接，正在筹备专场招聘会。' });
    const proposedDueAt = new Date(Date.now() + 20 * 86400_000).toISOString();
    await act(joint, 'request-extension', 'dept-hrss', { reason: '招聘会需排期', proposedDueAt });
    await act(joint, 'decide-extension', 'committee', {
      approved: true,
      note: '同意延期',
      newDueAt: proposedDueAt,
    });
    await act(joint, 'report-part', 'dept-miit', { content: '工信局已协调职业院校定向输送。' });
    await act(joint, 'resolve', 'dept-hrss', { result: '专场招聘会已举办，到岗 18 人。' });
    await act(joint, 'reply', 'dept-hrss', { message: '已办结：到岗 18 人，后续持续跟进。' });
    await act(joint, 'feedback', 'enterprise', {
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied',
      comment: '缺口仍有 12 人',
    });
    await act(joint, 'reopen', 'enterprise', { reason: '仍缺 12 人' });
    t = await waitStatus(joint, 'reopened');
    expect(t.reopenCount).toBe(1);
    await act(joint, 'acknowledge', 'dept-hrss');
    await act(joint, 'resolve', 'dept-hrss', { result: '第二场招聘补齐缺口。' });
    await act(joint, 'reply', 'dept-hrss', { message: '缺口已补齐。' });
    await act(joint, 'feedback', 'enterprise', { contacted: true, solved: true, satisfaction: 'satisfied' });
    t = await waitStatus(joint, 'closed');
    expect(t.closeOutcome).toBe('feedback');
    expect(await events('ticket', joint)).toEqual([
      'ticket.submitted',
      'ticket.assigned',
      'ticket.acknowledged',
      'ticket.interim-replied',
      'ticket.extension-requested',
      'ticket.extension-decided',
      'ticket.part-reported',
      'ticket.resolved',
      'ticket.replied',
      'ticket.feedback-given',
      'ticket.reopened',
      'ticket.assigned',
      'ticket.acknowledged',
      'ticket.resolved',
      'ticket.replied',
      'ticket.feedback-given',
      'ticket.closed',
    ]);
    const steps = t.timeline.map((s: { eventType: string }) => s.eventType);
    expect(steps).toEqual(await events('ticket', joint)); // every step is on the timeline, in order
    expect(t.timeline.every((s: { actor: unknown; occurredAt: string }) => s.actor && s.occurredAt)).toBe(
      true,
    );

    // 2. Transfer: 税务局 asks to hand it on; the committee approves to 市场监管局; the first handler stays on record.
    const transfer = await submit({
      category: 'tax',
      title: '出口退税进度咨询',
      description: '三月申报的出口退税尚未到账，请协助查询。',
    });
    await waitStatus(transfer, 'assigned');
    await act(transfer, 'acknowledge', 'dept-tax');
    await act(transfer, 'request-transfer', 'dept-tax', { reason: '实为市场主体登记问题，非税务职责' });
    await waitStatus(transfer, 'transfer_requested');
    const pending = await eventually(
      async () => {
        const r = await users.call(
          'dispatch',
          'GET',
          '/api/v1/dispatch/transfers?status=pending',
          'committee',
        );
        return r.body.items.find((i: { ticketId: string }) => i.ticketId === transfer);
      },
      30000,
      100,
    );
    expect(pending).toMatchObject({
      fromDepartmentId: dep('tax'),
      reason: '实为市场主体登记问题，非税务职责',
    });
    const decision = await users.call(
      'dispatch',
      'POST',
      `/api/v1/dispatch/transfers/${pending.id}/decision`,
      'committee',
      {
        approved: true,
        leadDepartmentId: dep('market'),
        note: '转市场监管局办理',
      },
    );
    expect(decision.status).toBeLessThan(300);
    t = await waitStatus(transfer, 'assigned');
    expect(t.leadDepartment.id).toBe(dep('market'));
    expect(t.firstHandlerDepartmentId).toBe(dep('tax'));
    await act(transfer, 'acknowledge', 'dept-market');
    // Co-handlers that stay on after the transfer report their parts before the new lead resolves.
    for (const part of (t.parts as Part[]).filter(
      (p) => p.role !== 'lead' && p.department.id !== dep('market') && !p.content,
    )) {
      const code = DEFAULT_DEPARTMENTS.find((d) => d.id === part.department.id)!.code;
      await act(transfer, 'report-part', `dept-${code}`, { content: '已配合核实。' });
    }
    await act(transfer, 'resolve', 'dept-market', { result: '已协助完成登记信息变更。' });
    await act(transfer, 'reply', 'dept-market', { message: '登记信息已更正，退税流程已恢复。' });
    await act(transfer, 'feedback', 'enterprise', {
      contacted: true,
      solved: true,
      satisfaction: 'basically_satisfied',
    });
    await waitStatus(transfer, 'closed');
    expect(await events('dispatch', transfer)).toEqual(['dispatch.decided', 'dispatch.transfer-decided']);
    expect((await events('ticket', transfer)).slice(0, 6)).toEqual([
      'ticket.submitted',
      'ticket.assigned',
      'ticket.acknowledged',
      'ticket.transfer-requested',
      'ticket.assigned',
      'ticket.acknowledged',
    ]);
    const history = await users.call(
      'dispatch',
      'GET',
      `/api/v1/dispatch/tickets/${transfer}/history`,
      'committee',
    );
    expect(history.status).toBe(200);
    expect(history.body.firstHandlerDepartmentId).toBe(dep('tax'));

    // 3. No rule matches: triage, manual assignment, then the enterprise withdraws before acknowledgement.
    const triage = await submit({
      category: 'other',
      title: '园区路灯夜间不亮',
      description: '园区北门至 5 号路段路灯损坏，夜间通行不便。',
    });
    await waitStatus(triage, 'triage');
    const assign = await users.call(
      'dispatch',
      'POST',
      `/api/v1/dispatch/triage/${triage}/assign`,
      'committee',
      {
        leadDepartmentId: dep('urban_mgmt'),
        coHandlerDepartmentIds: [],
        note: '路灯归城管局',
      },
    );
    expect(assign.status).toBeLessThan(300);
    await waitStatus(triage, 'assigned');
    await act(triage, 'withdraw', 'enterprise', { reason: '已自行联系物业修复' });
    await waitStatus(triage, 'withdrawn');
    expect(await events('ticket', triage)).toEqual([
      'ticket.submitted',
      'ticket.triage-queued',
      'ticket.assigned',
      'ticket.withdrawn',
    ]);
    expect(await events('dispatch', triage)).toEqual(['dispatch.triage-needed', 'dispatch.decided']);

    // The SLA engine followed along: the first ticket had a response timer, stopped on acknowledgement.
    const timers = await eventually(
      async () => {
        const r = await users.call('sla', 'GET', `/api/v1/sla/tickets/${joint}/timers`, 'committee');
        return r.status === 200 && JSON.stringify(r.body).includes('respond') ? r.body : undefined;
      },
      30000,
      200,
    );
    expect(JSON.stringify(timers)).toContain('resolve');

    // Every event of every service left its outbox: nothing is stuck.
    for (const schema of ['identity', 'ticket', 'dispatch', 'sla']) {
      await eventually(
        async () =>
          (await pg.query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`))
            .rows[0].n === 0,
        30000,
      );
    }
  } finally {
    await pg.end();
  }
}

function scratchDir(): string {
  const dir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : '/tmp', 'chuishao-life-'));
  execFileSync('chmod', ['755', dir]);
  return dir;
}

describe('lifecycle in the standalone process', () => {
  let running: RunningService | undefined;
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = scratchDir();
  afterAll(async () => {
    await running?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drives tickets from submit to close through every service', async () => {
    db = await createTestDatabase('life');
    running = await startService({
      service: 'standalone',
      modules: STANDALONE_MODULES,
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
    });
    const url = running.url;
    await lifecycle({ identity: url, ticket: url, dispatch: url, sla: url }, db.url);
  });
});

describeWithKafka('lifecycle as separate processes on Kafka', () => {
  let procs: Record<string, ServiceProcess> = {};
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = scratchDir();
  afterAll(async () => {
    await Promise.all(Object.values(procs).map((p) => p.kill('SIGTERM')));
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drives tickets from submit to close through every service', async () => {
    if (!existsSync(resolve(__dirname, '../dist/apps/ticket/src/main.js'))) {
      execFileSync('npm', ['run', 'build:server'], { cwd: resolve(__dirname, '..'), stdio: 'inherit' });
    }
    db = await createTestDatabase('lifek');
    procs = await startDistributed(
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers()!.join(','),
        KAFKA_TOPIC_PREFIX: `life${Date.now().toString(36)}.`,
        JWT_SECRET: SECRET,
        DATA_DIR: dataDir,
      },
      ['identity', 'ticket', 'dispatch', 'sla'],
    );
    await lifecycle(
      {
        identity: procs.identity.url,
        ticket: procs.ticket.url,
        dispatch: procs.dispatch.url,
        sla: procs.sla.url,
      },
      db.url,
    );
  });
});
