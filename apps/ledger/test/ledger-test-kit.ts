import { AuthUser, TokenService } from '@ticketing/auth';
import { createEnvelope, EventEnvelope, Topics } from '@ticketing/contracts';
import { RunningService, startService } from '@ticketing/platform';
import { topicOf } from '../src/chain/consumers/ledger-events.consumer';
import { LedgerEnv } from '../src/ledger.env';
import { LedgerModule } from '../src/ledger.module';
import type { Client } from 'pg';

export const SECRET = 'x'.repeat(40);
const tokens = new TokenService(SECRET);

export function startLedger(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Promise<RunningService> {
  return startService({
    service: 'ledger',
    env: LedgerEnv,
    modules: [LedgerModule],
    environment: {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      LEDGER_DAILY_SEAL: 'false',
      ...extra,
    },
  });
}

export const DEP_A = 'dep-a';
export const DEP_B = 'dep-b';
export const DEP_C = 'dep-c';

export const users = {
  admin: { id: 'u-admin', role: 'admin', name: 'Admin' } as AuthUser,
  committee: { id: 'u-committee', role: 'committee', name: 'Committee' } as AuthUser,
  enterprise: (enterpriseId: string) =>
    ({ id: `u-${enterpriseId}`, role: 'enterprise', name: 'Ent', enterpriseId }) as AuthUser,
  department: (departmentId: string) =>
    ({ id: `u-${departmentId}`, role: 'department', name: 'Dep', departmentId }) as AuthUser,
  instructor: (gridIds: string[]) =>
    ({ id: 'u-instructor', role: 'instructor', name: 'Ins', gridIds }) as AuthUser,
};

export const tokenFor = (user: AuthUser): string => tokens.sign(user).token;

export async function api<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  running: RunningService,
  method: string,
  path: string,
  user?: AuthUser,
  body?: unknown,
): Promise<{ status: number; body: T; headers: Headers; raw: Buffer }> {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: {
      ...(user ? { authorization: `Bearer ${tokenFor(user)}` } : {}),
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const parsed =
    type.includes('json') && raw.length ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
  return { status: res.status, body: parsed as T, headers: res.headers, raw };
}

/** Publishes events on their topics through the service's own transport; resolves once applied. */
export async function deliver(running: RunningService, events: EventEnvelope<unknown>[]): Promise<void> {
  await running.runtime.transport.publish(
    events.map((e) => ({ topic: topicOf(e.type), key: e.aggregateId, value: JSON.stringify(e) })),
  );
}

export interface TicketShape {
  ticketId: string;
  enterpriseId?: string;
  category?: string;
  gridId?: string | null;
  lead?: string | null;
  coHandlers?: string[];
  status?: string;
}

let version = 0;

/** Builds the events one ticket's life produces, at given times, in the shapes of the contracts. */
export class Lifecycle {
  readonly events: EventEnvelope<Record<string, unknown>>[] = [];
  lead: string | null;

  constructor(
    readonly t: TicketShape,
    private clock: Date,
  ) {
    this.lead = t.lead ?? null;
  }

  private base(status: string): Record<string, unknown> {
    return {
      ticketId: this.t.ticketId,
      number: `CS-2026-${this.t.ticketId.slice(-6)}`,
      status,
      enterpriseId: this.t.enterpriseId ?? 'ent-1',
      category: this.t.category ?? 'labour',
      urgency: 'normal',
      gridId: this.t.gridId === undefined ? 'grid-1' : this.t.gridId,
      leadDepartmentId: this.lead,
      coHandlerDepartmentIds: this.t.coHandlers ?? [],
    };
  }

  /** Moves the clock on by hours. */
  after(hours: number): this {
    this.clock = new Date(this.clock.getTime() + hours * 3600_000);
    return this;
  }

  at(): Date {
    return this.clock;
  }

  ticket(type: string, status: string, extra: Record<string, unknown> = {}): this {
    this.events.push(
      createEnvelope({
        type,
        aggregateId: this.t.ticketId,
        aggregateVersion: ++version,
        actor: { id: 'u-actor', role: 'department' },
        occurredAt: this.clock,
        payload: { ...this.base(status), ...extra },
      }),
    );
    return this;
  }

  sla(type: string, kind: string, dueInHours: number, extra: Record<string, unknown> = {}): this {
    this.events.push(
      createEnvelope({
        type,
        aggregateId: this.t.ticketId,
        aggregateVersion: ++version,
        actor: { id: 'system', role: 'system' },
        occurredAt: this.clock,
        payload: {
          ticketId: this.t.ticketId,
          timerId: `${this.t.ticketId}-${kind}`,
          kind,
          departmentId: kind === 'respond' || kind === 'resolve' || kind === 'reply' ? this.lead : null,
          dueAt: new Date(this.clock.getTime() + dueInHours * 3600_000).toISOString(),
          policyId: 'p-1',
          policyVersion: 1,
          reason: 'opened',
          ...extra,
        },
      }),
    );
    return this;
  }

  /** Any event of another context (dispatch, directory) about this ticket, at the current time. */
  other(type: string, payload: Record<string, unknown>): this {
    this.events.push(
      createEnvelope({
        type,
        aggregateId: this.t.ticketId,
        aggregateVersion: ++version,
        actor: { id: 'u-committee', role: 'committee' },
        occurredAt: this.clock,
        payload,
      }),
    );
    return this;
  }

  submit(
    title = '招工难，缺少熟练焊工',
    description = '企业扩产需要 30 名焊工，招聘三个月无果',
    extra: Record<string, unknown> = {},
  ): this {
    return this.ticket('ticket.submitted', 'submitted', {
      enterpriseName: '六枝宏达机械有限公司',
      submittedBy: { id: 'u-ent', role: 'enterprise' },
      title,
      description,
      location: null,
      contact: { name: '张三', phone: '13800000000' },
      attachments: [],
      submittedAt: this.clock.toISOString(),
      ...extra,
    });
  }

  assign(lead: string, via: 'rule' | 'manual' | 'transfer' | 'reopen' = 'rule', respondInHours = 4): this {
    const previous = this.lead;
    this.lead = lead;
    this.ticket('ticket.assigned', 'assigned', {
      via,
      ruleId: null,
      previousLeadDepartmentId: previous,
      firstHandlerDepartmentId: previous ?? lead,
    });
    return this.sla('sla.deadline-set', 'respond', respondInHours);
  }

  /** The ticket service's ticket.acknowledged alone (the lead signs for it, with or without a note). */
  signFor(note = ''): this {
    return this.ticket('ticket.acknowledged', 'in_progress', { departmentId: this.lead, reason: note });
  }

  acknowledge(resolveInHours = 72, replyInHours = 96): this {
    this.signFor();
    this.sla('sla.timer-stopped', 'respond', 0, {
      stoppedAt: this.clock.toISOString(),
      breached: false,
      workingMinutesUsed: 10,
      outcome: 'met',
    });
    this.sla('sla.deadline-set', 'resolve', resolveInHours);
    return this.sla('sla.deadline-set', 'reply', replyInHours);
  }

  breach(kind: string): this {
    return this.sla('sla.breached', kind, 0, { level: 'red' });
  }

  warn(kind: string): this {
    return this.sla('sla.warning', kind, 1, { level: 'yellow', threshold: '80%' });
  }

  resolve(result = '已协调人社局组织专场招聘会'): this {
    return this.ticket('ticket.resolved', 'resolved', { departmentId: this.lead, result, evidence: [] });
  }

  reply(message = '已答复企业'): this {
    return this.ticket('ticket.replied', 'resolved', { departmentId: this.lead, message });
  }

  feedback(satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied', solved: boolean): this {
    return this.ticket('ticket.feedback-given', 'resolved', {
      contacted: true,
      solved,
      satisfaction,
      comment: null,
    });
  }

  close(
    outcome: 'feedback' | 'no_feedback' | 'withdrawn',
    satisfaction: string | null = null,
    solved: boolean | null = null,
  ): this {
    return this.ticket('ticket.closed', outcome === 'withdrawn' ? 'withdrawn' : 'closed', {
      outcome,
      satisfaction,
      solved,
    });
  }
}

export const ticketTopic = Topics.Ticket;

/** A directory event, as identity publishes it. */
export function directoryEvent(
  type: string,
  payload: Record<string, unknown>,
): EventEnvelope<Record<string, unknown>> {
  return createEnvelope({
    type,
    aggregateId: String(payload.id),
    aggregateVersion: ++version,
    actor: { id: 'u-admin', role: 'admin' },
    payload,
  });
}

/** An event of another producing context (outreach, meeting), at a given time, as its service publishes it. */
export function contextEvent(
  type: string,
  aggregateId: string,
  payload: Record<string, unknown>,
  at: Date,
  actor: { id: string; role: 'instructor' | 'committee' | 'department' | 'system' } = {
    id: 'u-committee',
    role: 'committee',
  },
): EventEnvelope<Record<string, unknown>> {
  return createEnvelope({ type, aggregateId, aggregateVersion: ++version, actor, occurredAt: at, payload });
}

/** Every read model, as sorted text, so that two states compare row for row. */
export async function snapshot(c: Client): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, order] of [
    ['ticket_facts', 'ticket_id'],
    ['ticket_assignments', 'ticket_id, stint'],
    ['stats_monthly', 'department_id, category, grid_id, month'],
    ['open_tickets', 'ticket_id'],
    ['departments', 'id'],
    ['enterprises', 'id'],
    ['grids', 'id'],
    ['users', 'id'],
    ['task_lists', 'task_list_id'],
    ['visits', 'visit_id'],
    ['visit_tickets', 'visit_id, problem_index'],
    ['work_log', 'entry_id'],
    ['meetings', 'meeting_id'],
    ['decisions', 'decision_id'],
    ['bulletins', 'bulletin_id'],
  ]) {
    const { rows } = await c.query(
      `SELECT to_jsonb(t)::text AS row FROM ledger.${table} t ORDER BY ${order}`,
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}
