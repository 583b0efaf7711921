import { TokenService, AuthUser } from '@ticketing/auth';
import { EventEnvelope, Topics, createEnvelope, newId } from '@ticketing/contracts';
import { RunningService, startService } from '@ticketing/platform';
import { Client } from 'pg';
import { SlaModule } from '../src/sla.module';

export const SECRET = 'x'.repeat(40);
const tokens = new TokenService(SECRET);

export function startSla(databaseUrl: string): Promise<RunningService> {
  return startService({
    service: 'sla',
    modules: [SlaModule],
    environment: { DATABASE_URL: databaseUrl, PORT: '0', JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
  });
}

export const users = {
  admin: { id: 'u-admin', role: 'admin', name: 'Admin' } as AuthUser,
  committee: { id: 'u-committee', role: 'committee', name: 'Committee' } as AuthUser,
  enterprise: (enterpriseId: string) =>
    ({ id: `u-${enterpriseId}`, role: 'enterprise', name: 'Ent', enterpriseId }) as AuthUser,
  department: (departmentId: string) =>
    ({ id: `u-${departmentId}`, role: 'department', name: 'Dep', departmentId }) as AuthUser,
  instructor: (gridId: string) =>
    ({ id: `u-${gridId}`, role: 'instructor', name: 'Ins', gridIds: [gridId] }) as AuthUser,
};

export async function api<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  running: RunningService,
  method: string,
  path: string,
  user: AuthUser,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.sign(user).token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export interface TicketFacts {
  ticketId: string;
  category?: string;
  urgency?: string;
  enterpriseId?: string;
  leadDepartmentId?: string | null;
  coHandlerDepartmentIds?: string[];
  status?: string;
}

let version = 0;
/**
 * A ticket event as the ticket service would publish it: `extra` carries the fields of its type's
 * payload class (libs/contracts), which the consumer checks on receipt.
 */
export function ticketEvent(
  type: string,
  t: TicketFacts,
  extra: Record<string, unknown> = {},
  occurredAt = new Date(),
): EventEnvelope<Record<string, unknown>> {
  return createEnvelope({
    type,
    aggregateId: t.ticketId,
    aggregateVersion: ++version,
    actor: { id: 'system', role: 'system' },
    occurredAt,
    payload: {
      ticketId: t.ticketId,
      number: `CS-2026-${t.ticketId.slice(-6)}`,
      status: t.status ?? 'assigned',
      enterpriseId: t.enterpriseId ?? 'ent-1',
      category: t.category ?? 'labour',
      urgency: t.urgency ?? 'normal',
      gridId: null,
      leadDepartmentId: t.leadDepartmentId === undefined ? 'dep-hr' : t.leadDepartmentId,
      coHandlerDepartmentIds: t.coHandlerDepartmentIds ?? [],
      ...extra,
    },
  });
}

export const assigned = (t: TicketFacts, at?: Date) =>
  ticketEvent(
    'ticket.assigned',
    t,
    {
      via: 'rule',
      ruleId: null,
      previousLeadDepartmentId: null,
      firstHandlerDepartmentId: t.leadDepartmentId ?? 'dep-hr',
    },
    at,
  );

/** Delivers events to the service's consumers of a topic (tickets' by default) through its transport; resolves once applied. */
export async function deliver(
  running: RunningService,
  events: EventEnvelope<unknown>[],
  topic: string = Topics.Ticket,
): Promise<void> {
  await running.runtime.transport.publish(
    events.map((e) => ({ topic, key: e.aggregateId, value: JSON.stringify(e) })),
  );
}

/** A meeting event as the meeting service would publish it, keyed by the decision (libs/contracts meeting.events.ts). */
export function meetingEvent(
  type: string,
  decisionId: string,
  payload: Record<string, unknown>,
  occurredAt = new Date(),
): EventEnvelope<Record<string, unknown>> {
  return createEnvelope({
    type,
    aggregateId: decisionId,
    aggregateVersion: ++version,
    actor: { id: 'u-committee', role: 'committee' },
    occurredAt,
    payload: { decisionId, ...payload },
  });
}

export const ticketId = () => `t-${newId()}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** sla.warning / sla.breached / sla.escalated in the outbox, per timer and step. */
export async function firedEvents(
  url: string,
): Promise<{ timer_id: string; type: string; label: string; n: number }[]> {
  return sql(
    url,
    `SELECT envelope->'payload'->>'timerId' AS timer_id, type,
            coalesce(envelope->'payload'->>'threshold', envelope->'payload'->>'step', '') AS label, count(*)::int AS n
       FROM sla.outbox WHERE type IN ('sla.warning', 'sla.breached', 'sla.escalated') GROUP BY 1, 2, 3`,
  );
}

/** A policy with wall-clock seconds, so that tests see warnings, breaches and escalations fire. */
export const secondsPolicy = (
  category: string,
  urgency: string,
  respondSeconds: number,
  urgeAfterSeconds: number,
) => ({
  name: `test ${category} ${urgency}`,
  category,
  urgency,
  definition: {
    calendarId: 'default',
    timers: {
      respond: {
        duration: { amount: respondSeconds, unit: 'seconds' },
        warnings: [{ percent: 50 }],
        escalations: [{ step: 'urge', afterBreach: { amount: urgeAfterSeconds, unit: 'seconds' } }],
      },
    },
  },
});
