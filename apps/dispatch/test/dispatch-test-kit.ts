import { AuthUser, TokenService } from '@ticketing/auth';
import {
  Actor,
  createEnvelope,
  departmentIdByCode,
  EventEnvelope,
  newId,
  Role,
  TicketEventBase,
  TicketEvents,
  TicketSubmittedPayload,
  Topics,
} from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@ticketing/messaging';
import { RunningService, startService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { DispatchModule } from '../src/dispatch.module';

export const SECRET = 'x'.repeat(40);
export const dep = departmentIdByCode;

/** A dispatch service on a fresh database, with helpers to talk to it as users and as the ticket service. */
export class DispatchTestKit {
  private constructor(
    readonly running: RunningService,
    readonly db: { url: string; drop: () => Promise<void> },
    readonly sql: Client,
    private readonly tokens: TokenService,
  ) {}

  static async start(): Promise<DispatchTestKit> {
    const db = await createTestDatabase('dispatch');
    const running = await startService({
      service: 'dispatch',
      modules: [DispatchModule],
      environment: { DATABASE_URL: db.url, PORT: '0', JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
    });
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    return new DispatchTestKit(running, db, sql, new TokenService(SECRET));
  }

  async stop(): Promise<void> {
    await this.sql.end().catch(() => undefined);
    await this.running.close();
    await this.db.drop();
  }

  token(role: Role, extra: Partial<AuthUser> = {}): string {
    return this.tokens.sign({ id: `${role}-user`, role, name: role, ...extra }).token;
  }

  async call(method: string, path: string, opts: { role?: Role; token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    const token = opts.token ?? (opts.role ? this.token(opts.role) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.running.url}${path}`, {
      method,
      headers,
      body:
        opts.body === undefined
          ? undefined
          : typeof opts.body === 'string'
            ? opts.body
            : JSON.stringify(opts.body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, contentType: res.headers.get('content-type') ?? '' };
  }

  /** Delivers events as the ticket service's relay would; resolves once dispatch has applied them. */
  async publish(...events: EventEnvelope<unknown>[]): Promise<void> {
    const transport = this.running.app.get<MessageTransport>(MESSAGE_TRANSPORT);
    await transport.publish(
      events.map((e) => ({ topic: topicOf(e.type), key: e.aggregateId, value: JSON.stringify(e) })),
    );
  }

  async outbox(
    ticketId?: string,
  ): Promise<{ type: string; envelope: EventEnvelope<Record<string, unknown>> }[]> {
    const r = await this.sql.query(
      `SELECT type, envelope FROM dispatch.outbox ${ticketId ? 'WHERE key = $1' : ''} ORDER BY seq`,
      ticketId ? [ticketId] : [],
    );
    return r.rows;
  }

  async count(table: string): Promise<number> {
    const r = await this.sql.query(`SELECT count(*)::int AS n FROM dispatch.${table}`);
    return r.rows[0].n;
  }
}

const topicOf = (type: string) => (type.startsWith('directory.') ? Topics.Directory : Topics.Ticket);

const ENTERPRISE: Actor = { id: 'enterprise-user', role: 'enterprise' };
let seq = 0;

export function ticketBase(ticketId: string, over: Partial<TicketEventBase> = {}): TicketEventBase {
  return {
    ticketId,
    number: `CS-2026-${String(++seq).padStart(6, '0')}`,
    status: 'submitted',
    enterpriseId: 'ent-1',
    category: 'other',
    urgency: 'normal',
    gridId: null,
    leadDepartmentId: null,
    coHandlerDepartmentIds: [],
    ...over,
  };
}

export function submitted(
  over: Partial<TicketSubmittedPayload> = {},
  at = new Date(),
): EventEnvelope<TicketSubmittedPayload> {
  const ticketId = over.ticketId ?? newId();
  return createEnvelope({
    type: TicketEvents.submitted,
    aggregateId: ticketId,
    aggregateVersion: 1,
    actor: ENTERPRISE,
    occurredAt: at,
    payload: {
      ...ticketBase(ticketId),
      enterpriseName: '六枝某某制造有限公司',
      submittedBy: { id: ENTERPRISE.id, role: 'enterprise' },
      title: '咨询事项',
      description: '请相关部门答复',
      location: null,
      contact: { name: '张三', phone: '13800000000' },
      attachments: [],
      submittedAt: at.toISOString(),
      ...over,
    },
  });
}

export function ticketEvent<P extends object>(
  type: string,
  ticketId: string,
  payload: P,
  opts: { actor?: Actor; at?: Date; version?: number } = {},
): EventEnvelope<P> {
  return createEnvelope({
    type,
    aggregateId: ticketId,
    aggregateVersion: opts.version ?? 2,
    actor: opts.actor ?? { id: 'system', role: 'system' },
    occurredAt: opts.at,
    payload,
  });
}
