import { AuthUser, TokenService } from '@ticketing/auth';
import {
  Actor,
  createEnvelope,
  DirectoryEvents,
  DispatchEvents,
  EventEnvelope,
  Topics,
} from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@ticketing/messaging';
import { RunningService, startService } from '@ticketing/platform';
import { callService, createTestDatabase } from '@ticketing/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { TicketModule } from '../src/ticket.module';

export const SECRET = 'ticket-test-secret-'.padEnd(48, 'x');
export const GRID_A = 'grid-a';
export const GRID_B = 'grid-b';
export const ENT_A = 'ent-a';
export const ENT_B = 'ent-b';
export const DEP = {
  hrss: '0193a000-0000-7000-8000-000000000001',
  miit: '0193a000-0000-7000-8000-000000000002',
  tax: '0193a000-0000-7000-8000-000000000006',
  transport: '0193a000-0000-7000-8000-00000000000d',
} as const;

export const USERS = {
  entA: { id: 'u-ent-a', role: 'enterprise', name: 'A 企业', enterpriseId: ENT_A },
  entB: { id: 'u-ent-b', role: 'enterprise', name: 'B 企业', enterpriseId: ENT_B },
  insA: { id: 'u-ins-a', role: 'instructor', name: '指导员甲', gridIds: [GRID_A] },
  insB: { id: 'u-ins-b', role: 'instructor', name: '指导员乙', gridIds: [GRID_B] },
  depLead: { id: 'u-hrss', role: 'department', name: '人社局', departmentId: DEP.hrss },
  depCo: { id: 'u-miit', role: 'department', name: '工信局', departmentId: DEP.miit },
  depOther: { id: 'u-tax', role: 'department', name: '税务局', departmentId: DEP.tax },
  depNew: { id: 'u-transport', role: 'department', name: '交通运输局', departmentId: DEP.transport },
  committee: { id: 'u-com', role: 'committee', name: '综合党委' },
  admin: { id: 'u-admin', role: 'admin', name: 'admin' },
} satisfies Record<string, AuthUser>;
export type UserKey = keyof typeof USERS;

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake but signed png body'),
]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A response body as parsed JSON: tests read into it freely and let expect() judge the shape. */
export type Json = ReturnType<typeof JSON.parse>;

export interface TicketKit {
  running: RunningService;
  pg: Client;
  transport: MessageTransport;
  token(u: UserKey | AuthUser): string;
  api(
    method: string,
    path: string,
    as: UserKey | AuthUser | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  upload(
    as: UserKey,
    bytes: Buffer,
    fileName: string,
    mime?: string,
  ): Promise<{ status: number; body: Json }>;
  publish(
    topic: string,
    type: string,
    aggregateId: string,
    payload: Record<string, unknown>,
    actor?: Actor,
  ): Promise<void>;
  /**
   * These envelopes in one publish, so a group's lane (one, the services' default) takes them as
   * one batch; resolves once every subscribed group applied them.
   */
  publishTogether(topic: string, envelopes: EventEnvelope<unknown>[]): Promise<void>;
  submit(
    as: UserKey,
    over?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json }>;
  count(table: string): Promise<number>;
  outboxTypes(ticketId: string): Promise<string[]>;
  close(): Promise<void>;
}

export function submission(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '园区2号门供水主管破裂',
    description: '2号门的供水主管破裂，厂区停水，影响生产。',
    category: 'utilities',
    urgency: 'urgent',
    location: '2号门',
    contact: { name: '张三', phone: '13800138000' },
    // The suites file the same text many times; the duplicate check has its own suite.
    confirmNotDuplicate: true,
    ...over,
  };
}

export async function startTicketKit(env: Record<string, string> = {}): Promise<TicketKit> {
  const db = await createTestDatabase('ticket');
  const dataDir = mkdtempSync(join(tmpdir(), 'ticket-int-'));
  const running = await startService({
    service: 'ticket',
    modules: [TicketModule],
    environment: {
      DATABASE_URL: db.url,
      PORT: '0',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'error',
      DATA_DIR: dataDir,
      ...env,
    },
  });
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const transport = running.app.get<symbol, MessageTransport>(MESSAGE_TRANSPORT);
  const tokens = new TokenService(SECRET);
  const userOf = (u: UserKey | AuthUser): AuthUser => (typeof u === 'string' ? (USERS[u] as AuthUser) : u);

  const kit: TicketKit = {
    running,
    pg,
    transport,
    token: (u) => tokens.sign(userOf(u)).token,
    api: (method, path, as, body, headers = {}) =>
      callService(running.url, {
        method,
        path,
        token: as ? kit.token(as) : null,
        body,
        headers,
        rawStrings: false,
      }),
    async upload(as, bytes, fileName, mime = 'application/octet-stream') {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: mime }), fileName);
      const res = await fetch(`${running.url}/api/v1/tickets/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kit.token(as)}` },
        body: form,
      });
      return { status: res.status, body: await res.json() };
    },
    async publish(topic, type, aggregateId, payload, actor = { id: 'system', role: 'system' }) {
      const envelope = createEnvelope({ type, aggregateId, aggregateVersion: 1, actor, payload });
      // The local transport resolves once every subscribed group has applied the event.
      await transport.publish([{ topic, key: aggregateId, value: JSON.stringify(envelope) }]);
    },
    publishTogether: (topic, envelopes) =>
      transport.publish(envelopes.map((e) => ({ topic, key: e.aggregateId, value: JSON.stringify(e) }))),
    submit: (as, over = {}, headers = {}) =>
      kit.api('POST', '/api/v1/tickets', as, submission(over), headers),
    async count(table) {
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM ticket.${table}`);
      return rows[0].n;
    },
    async outboxTypes(ticketId) {
      const { rows } = await pg.query(`SELECT type FROM ticket.outbox WHERE key = $1 ORDER BY seq`, [
        ticketId,
      ]);
      return rows.map((r) => r.type);
    },
    async close() {
      await pg.end();
      await running.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  for (const [id, grid, name] of [
    [ENT_A, GRID_A, '六枝机械厂'],
    [ENT_B, GRID_B, '高新电子'],
  ]) {
    await kit.publish(Topics.Directory, DirectoryEvents.enterpriseUpserted, id, {
      id,
      name,
      creditCode: '91520000MA6DXXXX0X',
      gridId: grid,
      contacts: [],
      active: true,
    });
  }
  return kit;
}

/** A ticket of enterprise A routed to hrss (lead) with miit co-handling, as dispatch decides it. */
export async function routedTicket(
  kit: TicketKit,
  over: Record<string, unknown> = {},
  as: UserKey = 'entA',
  lead: string = DEP.hrss,
  co: string[] = [DEP.miit],
): Promise<string> {
  const res = await kit.submit(as, over);
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  await decide(kit, res.body.id, lead, co);
  return res.body.id;
}

export const decide = (kit: TicketKit, ticketId: string, lead: string, co: string[] = []) =>
  kit.publish(Topics.Dispatch, DispatchEvents.decided, ticketId, {
    ticketId,
    leadDepartmentId: lead,
    coHandlerDepartmentIds: co,
    via: 'manual',
    ruleId: null,
    ruleVersion: null,
    explanation: 'desk',
  });

/** The committee's approval of a transfer, as dispatch announces it. */
export const approveTransfer = (
  kit: TicketKit,
  ticketId: string,
  from: string,
  lead: string,
  co: string[],
  note: string,
) =>
  kit.publish(
    Topics.Dispatch,
    DispatchEvents.transferDecided,
    ticketId,
    {
      ticketId,
      approved: true,
      fromDepartmentId: from,
      leadDepartmentId: lead,
      coHandlerDepartmentIds: co,
      note,
    },
    { id: 'u-com', role: 'committee' },
  );

/** GET /:id as someone who sees it (200 expected). */
export async function detailOf(kit: TicketKit, id: string, as: UserKey = 'committee'): Promise<Json> {
  const res = await kit.api('GET', `/api/v1/tickets/${id}`, as);
  if (res.status !== 200) throw new Error(`GET ${id} as ${as}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POST /:id/<action> with the current version, expecting `expected`. */
export async function actOn(
  kit: TicketKit,
  id: string,
  action: string,
  as: UserKey,
  body: Record<string, unknown> = {},
  expected = 200,
): Promise<Json> {
  const version = (await detailOf(kit, id)).version;
  const res = await kit.api('POST', `/api/v1/tickets/${id}/${action}`, as, {
    expectedVersion: version,
    ...body,
  });
  expect({ action, as, status: res.status, body: res.body }).toMatchObject({ action, as, status: expected });
  return res.body;
}

/** Row counts of the tables a change writes, to show a refused request wrote nothing. */
export async function rowCounts(kit: TicketKit, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await kit.count(t);
  return out;
}

/** A department user as identity announces it (the directory copy names handlers). */
export const staffUser = (
  kit: TicketKit,
  u: { id: string; displayName: string; departmentId: string | null; role?: string; active?: boolean },
) =>
  kit.publish(Topics.Directory, DirectoryEvents.userUpserted, u.id, {
    id: u.id,
    username: u.id,
    displayName: u.displayName,
    role: u.role ?? 'department',
    departmentId: u.departmentId,
    enterpriseId: null,
    gridIds: [],
    mobile: null,
    email: null,
    active: u.active ?? true,
  });
