import { AuthUser, TokenService } from '@ticketing/auth';
import { Actor, createEnvelope, departmentIdByCode, DirectoryEvents, Topics } from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@ticketing/messaging';
import { RunningService, startService } from '@ticketing/platform';
import { callService, createTestDatabase } from '@ticketing/testing';
import { Type } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { OutreachModule } from '../src/outreach.module';

export const SECRET = 'outreach-test-secret-'.padEnd(48, 'o');
export const GRID = { east: 'grid-east', west: 'grid-west' } as const;
export const ENT = {
  jx: 'ent-jx', // 六枝机械厂, east, key enterprise
  jc: 'ent-jc', // 恒达建材, east
  dz: 'ent-dz', // 高新电子, east
  sp: 'ent-sp', // 黔味食品, east
  xx: 'ent-xx', // 西区新材料, west
} as const;
export const ENTERPRISES: [string, string, string][] = [
  [ENT.jx, '六枝机械厂', GRID.east],
  [ENT.jc, '恒达建材', GRID.east],
  [ENT.dz, '高新电子', GRID.east],
  [ENT.sp, '黔味食品', GRID.east],
  [ENT.xx, '西区新材料', GRID.west],
];
export const DEP = {
  hrss: departmentIdByCode('hrss'),
  miit: departmentIdByCode('miit'),
  transport: departmentIdByCode('transport'),
  urban: departmentIdByCode('urban_mgmt'),
  tax: departmentIdByCode('tax'),
  treasury: departmentIdByCode('treasury'),
} as const;

export const USERS = {
  entJx: { id: 'u-ent-jx', role: 'enterprise', name: '六枝机械厂', enterpriseId: ENT.jx },
  entXx: { id: 'u-ent-xx', role: 'enterprise', name: '西区新材料', enterpriseId: ENT.xx },
  insLi: { id: 'u-ins-li', role: 'instructor', name: '李指导员', gridIds: [GRID.east] },
  insWang: { id: 'u-ins-wang', role: 'instructor', name: '王指导员', gridIds: [GRID.west] },
  depHrss: { id: 'u-dep-hrss', role: 'department', name: '人社局', departmentId: DEP.hrss },
  depMiit: { id: 'u-dep-miit', role: 'department', name: '工信局', departmentId: DEP.miit },
  depTransport: {
    id: 'u-dep-transport',
    role: 'department',
    name: '交通运输局',
    departmentId: DEP.transport,
  },
  depUrban: { id: 'u-dep-urban', role: 'department', name: '城管局', departmentId: DEP.urban },
  depTax: { id: 'u-dep-tax', role: 'department', name: '税务局', departmentId: DEP.tax },
  depTreasury: { id: 'u-dep-treasury', role: 'department', name: '财政局', departmentId: DEP.treasury },
  committee: { id: 'u-com', role: 'committee', name: '张书记' },
  admin: { id: 'u-admin', role: 'admin', name: 'admin' },
} satisfies Record<string, AuthUser>;
export type UserKey = keyof typeof USERS;

export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF visit photo'),
]);

/** A response body as parsed JSON: tests read into it freely and let expect() judge the shape. */
export type Json = ReturnType<typeof JSON.parse>;

/** Every table outreach writes for a user's request (not the copies events keep, nor the inbox). */
export const WRITTEN_TABLES = [
  'liaisons',
  'task_lists',
  'visits',
  'visit_photos',
  'visit_idempotency_keys',
  'needs',
  'work_log_entries',
  'history',
  'outbox',
] as const;

/** The zone's month `n` months from now (Asia/Shanghai). */
export function zoneMonth(n = 0): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 10:00 Beijing time on a day of a month, as an ISO instant. */
export const beijing = (month: string, day: number, hour = 10): string =>
  new Date(
    Date.parse(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`),
  ).toISOString();

export interface OutreachKit {
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
  ): Promise<{ status: number; body: Json; headers: Headers; raw: Buffer }>;
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
  /** Rows of each table that a request may write, keyed by table. */
  census(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/**
 * The given service modules (outreach alone, or with ticket and dispatch for the flow) in one
 * process on a fresh test database, with the directory published as identity would.
 */
export async function startOutreachKit(
  modules: Type<unknown>[] = [OutreachModule],
  env: Record<string, string> = {},
): Promise<OutreachKit> {
  const db = await createTestDatabase('outreach');
  const dataDir = mkdtempSync(join(tmpdir(), 'outreach-int-'));
  const running = await startService({
    service: 'outreach-test',
    modules,
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

  const kit: OutreachKit = {
    running,
    pg,
    transport,
    token: (u) => tokens.sign(userOf(u)).token,
    api: (method, path, as, body, headers = {}) =>
      callService(running.url, { method, path, token: as ? kit.token(as) : null, body, headers }),

    async upload(as, bytes, fileName, mime = 'application/octet-stream') {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: mime }), fileName);
      const res = await fetch(`${running.url}/api/v1/outreach/visits/photos`, {
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
    async census() {
      const counts: Record<string, number> = {};
      for (const t of WRITTEN_TABLES) {
        counts[t] = (await pg.query(`SELECT count(*)::int AS n FROM outreach.${t}`)).rows[0].n;
      }
      return counts;
    },
    async close() {
      await pg.end();
      await running.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  for (const [id, code, name, instructors] of [
    [GRID.east, 'east', '东区网格', [USERS.insLi.id]],
    [GRID.west, 'west', '西区网格', [USERS.insWang.id]],
  ] as const) {
    await kit.publish(Topics.Directory, DirectoryEvents.gridUpserted, id, {
      id,
      code,
      name,
      instructorUserIds: instructors,
    });
  }
  for (const [id, name, gridId] of ENTERPRISES) {
    await kit.publish(Topics.Directory, DirectoryEvents.enterpriseUpserted, id, {
      id,
      name,
      creditCode: '91520000MA6DXXXX0X',
      gridId,
      contacts: [],
      active: true,
    });
  }
  for (const u of Object.values(USERS) as AuthUser[]) {
    await kit.publish(Topics.Directory, DirectoryEvents.userUpserted, u.id, {
      id: u.id,
      username: u.id,
      displayName: u.name,
      role: u.role,
      enterpriseId: u.enterpriseId ?? null,
      departmentId: u.departmentId ?? null,
      gridIds: u.gridIds ?? [],
      mobile: null,
      email: null,
      active: true,
    });
  }
  return kit;
}

/**
 * Another service's root module, loaded by name at run time, the way startDistributed runs
 * services by name. The boundary rule keeps every app's code, its tests included, from importing
 * another app (only apps/standalone composes them); the flow suites still need the ticket and
 * dispatch services beside outreach in one process, as the standalone process runs them.
 */
export async function serviceModule(app: 'ticket' | 'dispatch', exported: string): Promise<Type<unknown>> {
  const loaded: Record<string, Type<unknown>> = await import(
    join(__dirname, '..', '..', app, 'src', `${app}.module`)
  );
  return loaded[exported];
}
