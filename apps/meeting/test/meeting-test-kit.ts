import { Type } from '@nestjs/common';
import { AuthUser, TokenService } from '@ticketing/auth';
import {
  Actor,
  createEnvelope,
  departmentIdByCode,
  DirectoryEvents,
  newId,
  Topics,
} from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@ticketing/messaging';
import { RunningService, startService } from '@ticketing/platform';
import { callService, createTestDatabase } from '@ticketing/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { MeetingModule } from '../src/meeting.module';

export const SECRET = 'meeting-test-secret-'.padEnd(48, 'm');
export const ENT = { jx: 'ent-jx', xx: 'ent-xx' } as const;
export const DEP = {
  transport: departmentIdByCode('transport'),
  urban: departmentIdByCode('urban_mgmt'),
  hrss: departmentIdByCode('hrss'),
  tax: departmentIdByCode('tax'),
} as const;

export const USERS = {
  entJx: { id: 'u-ent-jx', role: 'enterprise', name: '六枝机械厂', enterpriseId: ENT.jx },
  entXx: { id: 'u-ent-xx', role: 'enterprise', name: '西区新材料', enterpriseId: ENT.xx },
  insLi: { id: 'u-ins-li', role: 'instructor', name: '李指导员', gridIds: ['grid-east'] },
  depTransport: {
    id: 'u-dep-transport',
    role: 'department',
    name: '交通运输局',
    departmentId: DEP.transport,
  },
  depUrban: { id: 'u-dep-urban', role: 'department', name: '城管局', departmentId: DEP.urban },
  depHrss: { id: 'u-dep-hrss', role: 'department', name: '人社局', departmentId: DEP.hrss },
  depTax: { id: 'u-dep-tax', role: 'department', name: '税务局', departmentId: DEP.tax },
  committee: { id: 'u-com', role: 'committee', name: '张书记' },
  admin: { id: 'u-admin', role: 'admin', name: 'admin' },
} satisfies Record<string, AuthUser>;
export type UserKey = keyof typeof USERS;

/** A response body as parsed JSON: tests read into it freely and let expect() judge the shape. */
export type Json = ReturnType<typeof JSON.parse>;

/** Every table the meeting service writes for a user's request (not the copies events keep, nor the inbox). */
export const WRITTEN_TABLES = ['meetings', 'agenda_items', 'decisions', 'history', 'outbox'] as const;

export interface MeetingKit {
  running: RunningService;
  pg: Client;
  token(u: UserKey | AuthUser): string;
  api(
    method: string,
    path: string,
    as: UserKey | AuthUser | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; headers: Headers; raw: Buffer }>;
  publish(
    topic: string,
    type: string,
    aggregateId: string,
    payload: Record<string, unknown>,
    version?: number,
  ): Promise<void>;
  /** A ticket as the ticket service announces it: submitted (v1), then assigned to its departments (v2). */
  ticket(t: {
    id: string;
    number: string;
    title: string;
    enterpriseId: string;
    enterpriseName: string;
    lead: string;
    co?: string[];
  }): Promise<void>;
  /** The SLA ladder's last step for a ticket: the joint meeting. */
  escalate(ticketId: string): Promise<void>;
  census(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

const actor: Actor = { id: 'system', role: 'system' };

/** The given modules (meeting alone, or with the SLA engine) in one process on a fresh database, the directory published as identity would. */
export async function startMeetingKit(
  modules: Type<unknown>[] = [MeetingModule],
  env: Record<string, string> = {},
): Promise<MeetingKit> {
  const db = await createTestDatabase('meeting');
  const dataDir = mkdtempSync(join(tmpdir(), 'meeting-int-'));
  const running = await startService({
    service: 'meeting-test',
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

  const kit: MeetingKit = {
    running,
    pg,
    token: (u) => tokens.sign(userOf(u)).token,
    api: (method, path, as, body, headers = {}) =>
      callService(running.url, { method, path, token: as ? kit.token(as) : null, body, headers }),

    async publish(topic, type, aggregateId, payload, version = 1) {
      const envelope = createEnvelope({ type, aggregateId, aggregateVersion: version, actor, payload });
      // The local transport resolves once every subscribed group has applied the event; Kafka once the broker has it.
      await transport.publish([{ topic, key: aggregateId, value: JSON.stringify(envelope) }]);
    },
    async ticket(t) {
      const base = {
        ticketId: t.id,
        number: t.number,
        enterpriseId: t.enterpriseId,
        category: 'transport',
        urgency: 'normal',
        gridId: 'grid-east',
        coHandlerDepartmentIds: [] as string[],
      };
      await kit.publish(Topics.Ticket, 'ticket.submitted', t.id, {
        ...base,
        status: 'submitted',
        leadDepartmentId: null,
        enterpriseName: t.enterpriseName,
        submittedBy: { id: 'u-ent', role: 'enterprise' },
        title: t.title,
        description: '说明',
        location: null,
        contact: { name: '王经理', phone: '13800138000' },
        attachments: [],
        submittedAt: new Date().toISOString(),
      });
      await kit.publish(
        Topics.Ticket,
        'ticket.assigned',
        t.id,
        {
          ...base,
          status: 'assigned',
          leadDepartmentId: t.lead,
          coHandlerDepartmentIds: t.co ?? [],
          via: 'rule',
          ruleId: null,
          previousLeadDepartmentId: null,
          firstHandlerDepartmentId: t.lead,
        },
        2,
      );
    },
    async escalate(ticketId) {
      await kit.publish(Topics.Sla, 'sla.escalated', ticketId, {
        ticketId,
        subject: 'ticket',
        timerId: newId(),
        kind: 'resolve',
        departmentId: null,
        dueAt: new Date().toISOString(),
        step: 'joint_meeting',
        stepIndex: 3,
      });
    },
    async census() {
      const counts: Record<string, number> = {};
      for (const t of WRITTEN_TABLES) {
        counts[t] = (await pg.query(`SELECT count(*)::int AS n FROM meeting.${t}`)).rows[0].n;
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

  for (const [id, name] of [
    [ENT.jx, '六枝机械厂'],
    [ENT.xx, '西区新材料'],
  ]) {
    await kit.publish(Topics.Directory, DirectoryEvents.enterpriseUpserted, id, {
      id,
      name,
      creditCode: '91520000MA6DXXXX0X',
      gridId: 'grid-east',
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
 * services by name: the boundary rule keeps every app's code, its tests included, from importing
 * another app (only apps/standalone composes them); this suite still needs the SLA engine beside
 * the meeting service in one process, as the standalone process runs them.
 */
export async function serviceModule(app: 'sla', exported: string): Promise<Type<unknown>> {
  const loaded: Record<string, Type<unknown>> = await import(
    join(__dirname, '..', '..', app, 'src', `${app}.module`)
  );
  return loaded[exported];
}
