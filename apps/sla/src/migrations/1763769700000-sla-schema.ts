import { CHINA_NOTICES, DEFAULT_WORKING_HOURS } from '@ticketing/calendar';
import { newId } from '@ticketing/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CALENDAR_ID } from '../policies/domain/default-policies';
import { PolicyDefinition, TimerRule, normalizeDefinition } from '../policies/domain/policy';

const ladder: TimerRule['escalations'] = [
  { step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } },
  { step: 'supervise', afterBreach: { amount: 1, unit: 'working_days' } },
  { step: 'joint_meeting', deadlineMultiple: 2 },
];

/**
 * The policies this migration seeded, as they were (kept here so that a fresh database gets the same
 * version 1 as every installation did; the corrected defaults are later versions, see 1765000000000).
 */
const SEED_POLICIES: { name: string; category: string; urgency: string; definition: PolicyDefinition }[] = [
  {
    name: '默认时限 Default deadlines',
    category: '*',
    urgency: '*',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        respond: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ before: { amount: 2, unit: 'working_hours' } }],
          escalations: ladder,
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 5, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: ladder,
          pauseWhen: ['extension_pending'],
        },
        reply: {
          duration: { amount: 7, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: ladder,
          pauseWhen: [],
        },
        feedback: {
          duration: { amount: 5, unit: 'working_days' },
          warnings: [],
          escalations: [],
          pauseWhen: [],
        },
        transfer_arbitration: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ percent: 50 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } }],
          pauseWhen: [],
        },
        co_handler_report: {
          duration: { amount: 3, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } }],
          pauseWhen: [],
        },
      },
    },
  },
  {
    name: '紧急 Urgent',
    category: '*',
    urgency: 'urgent',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        respond: {
          duration: { amount: 2, unit: 'working_hours' },
          warnings: [{ percent: 75 }],
          escalations: ladder,
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 24, unit: 'hours' },
          warnings: [{ percent: 75 }, { before: { amount: 2, unit: 'hours' } }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'hours' } },
            { step: 'supervise', afterBreach: { amount: 4, unit: 'hours' } },
            { step: 'joint_meeting', deadlineMultiple: 2 },
          ],
          pauseWhen: ['extension_pending'],
        },
      },
    },
  },
  {
    name: '特急 Critical',
    category: '*',
    urgency: 'critical',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        respond: {
          duration: { amount: 1, unit: 'hours' },
          warnings: [{ percent: 50 }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'hours' } },
            { step: 'supervise', deadlineMultiple: 2 },
          ],
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 2, unit: 'hours' },
          warnings: [{ percent: 50 }, { before: { amount: 15, unit: 'minutes' } }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'hours' } },
            { step: 'supervise', afterBreach: { amount: 1, unit: 'hours' } },
            { step: 'joint_meeting', deadlineMultiple: 4 },
          ],
          pauseWhen: [],
        },
      },
    },
  },
  {
    name: '水电气暖 Utilities',
    category: 'utilities',
    urgency: 'normal',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        resolve: {
          duration: { amount: 24, unit: 'hours' },
          warnings: [{ percent: 75 }],
          escalations: ladder,
          pauseWhen: ['extension_pending'],
        },
      },
    },
  },
];

/**
 * Calendars, policies, the tickets' SLA view, timers and their firings. Timers are rows: the
 * scheduler finds what is due through the partial index on unfired firings, never from memory.
 * Seeds the default calendar (the 2024–2026 State Council notices) and the default policies.
 */
export class SlaSchema1763769700000 implements MigrationInterface {
  name = 'SlaSchema1763769700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sla.calendars (
      id text PRIMARY KEY,
      name text NOT NULL,
      time_zone text NOT NULL,
      working_hours jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE sla.calendar_notices (
      calendar_id text NOT NULL REFERENCES sla.calendars(id),
      year integer NOT NULL,
      notice jsonb NOT NULL,
      loaded_by text NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (calendar_id, year)
    )`);
    await q.query(`CREATE TABLE sla.policies (
      id uuid NOT NULL,
      version integer NOT NULL,
      name text NOT NULL,
      category text NOT NULL,
      urgency text NOT NULL,
      definition jsonb NOT NULL,
      active boolean NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (id, version)
    )`);
    // One active rule per category × urgency: a second one would make resolution ambiguous.
    await q.query(
      `CREATE UNIQUE INDEX policies_active_scope_uq ON sla.policies (category, urgency) WHERE active`,
    );
    await q.query(`CREATE UNIQUE INDEX policies_active_id_uq ON sla.policies (id) WHERE active`);
    await q.query(`CREATE TABLE sla.tickets (
      ticket_id text PRIMARY KEY,
      number text,
      enterprise_id text,
      grid_id text,
      category text NOT NULL,
      urgency text NOT NULL,
      status text NOT NULL,
      lead_department_id text,
      co_handler_department_ids text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE sla.timers (
      id uuid PRIMARY KEY,
      ticket_id text NOT NULL,
      kind text NOT NULL,
      department_id text,
      policy_id uuid NOT NULL,
      policy_version integer NOT NULL,
      calendar_id text NOT NULL,
      basis text NOT NULL CHECK (basis IN ('working', 'wall')),
      started_at timestamptz NOT NULL,
      budget_ms bigint NOT NULL,
      extension_ms bigint NOT NULL DEFAULT 0,
      pauses jsonb NOT NULL DEFAULT '[]',
      pause_when text[] NOT NULL DEFAULT '{}',
      due_at timestamptz,
      state text NOT NULL CHECK (state IN ('running', 'paused', 'stopped')),
      outcome text,
      stopped_at timestamptz,
      breached_at timestamptz,
      revision integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX timers_ticket_idx ON sla.timers (ticket_id)`);
    // Keyset pagination of the open timers for recomputes, per policy and per calendar.
    await q.query(
      `CREATE INDEX timers_open_policy_idx ON sla.timers (policy_id, id) WHERE state <> 'stopped'`,
    );
    await q.query(
      `CREATE INDEX timers_open_calendar_idx ON sla.timers (calendar_id, id) WHERE state <> 'stopped'`,
    );
    // The department queue sorted by deadline.
    await q.query(
      `CREATE INDEX timers_department_due_idx ON sla.timers (department_id, due_at, id) WHERE state = 'running'`,
    );
    await q.query(`CREATE TABLE sla.timer_firings (
      id bigserial PRIMARY KEY,
      timer_id uuid NOT NULL REFERENCES sla.timers(id),
      step text NOT NULL,
      step_index integer NOT NULL DEFAULT 0,
      fire_at timestamptz NOT NULL,
      fired_at timestamptz,
      UNIQUE (timer_id, step)
    )`);
    await q.query(`CREATE INDEX timer_firings_due_idx ON sla.timer_firings (fire_at) WHERE fired_at IS NULL`);
    await q.query(`CREATE TABLE sla.recompute_jobs (
      id bigserial PRIMARY KEY,
      scope text NOT NULL CHECK (scope IN ('policy', 'calendar')),
      target text NOT NULL,
      reason text NOT NULL,
      cursor uuid,
      processed integer NOT NULL DEFAULT 0,
      changed integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX recompute_jobs_pending_idx ON sla.recompute_jobs (id) WHERE finished_at IS NULL`,
    );

    await q.query(
      `INSERT INTO sla.calendars (id, name, time_zone, working_hours) VALUES ($1, $2, 'Asia/Shanghai', $3::jsonb)`,
      [
        DEFAULT_CALENDAR_ID,
        '全国 Mainland China (State Council notices)',
        JSON.stringify(DEFAULT_WORKING_HOURS),
      ],
    );
    for (const notice of CHINA_NOTICES) {
      await q.query(
        `INSERT INTO sla.calendar_notices (calendar_id, year, notice, loaded_by) VALUES ($1, $2, $3::jsonb, 'seed')`,
        [DEFAULT_CALENDAR_ID, notice.year, JSON.stringify(notice)],
      );
    }
    for (const p of SEED_POLICIES) {
      await q.query(
        `INSERT INTO sla.policies (id, version, name, category, urgency, definition, active, created_by)
         VALUES ($1, 1, $2, $3, $4, $5::jsonb, true, 'seed')`,
        [newId(), p.name, p.category, p.urgency, JSON.stringify(normalizeDefinition(p.definition))],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'recompute_jobs',
      'timer_firings',
      'timers',
      'tickets',
      'policies',
      'calendar_notices',
      'calendars',
    ]) {
      await q.query(`DROP TABLE IF EXISTS sla.${t}`);
    }
  }
}
