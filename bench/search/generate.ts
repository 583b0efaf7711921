import { DEFAULT_DEPARTMENTS, departmentIdByCode } from '@ticketing/contracts';
import { Client } from 'pg';
import { creditCodeCheckCharacter } from '../../apps/identity/src/directory/domain/credit-code';
import {
  ASKS,
  FORMS,
  IMPACTS,
  INDUSTRIES,
  INTERIM_REPLIES,
  NAME_PLACES,
  OPENERS,
  PARKS,
  PLACES,
  PROBLEMS,
  ROADS,
  sqlArray,
  TRADE_NAMES,
} from './corpus';

export const BENCH_GRIDS = Array.from({ length: 10 }, (_, i) => `bench-grid-${i + 1}`);

/** Where each category goes, as dispatch's default rules send it (lead, usual co-handler). */
const ROUTES: Record<string, [string, string | null]> = {
  labour: ['hrss', 'miit'],
  finance: ['finance_office', 'treasury'],
  policy: ['econ_dev', 'treasury'],
  approval: ['data_services', 'market'],
  planning: ['planning', 'natural_resources'],
  land: ['natural_resources', 'planning'],
  utilities: ['urban_mgmt', 'housing'],
  transport: ['transport', 'urban_mgmt'],
  legal: ['justice', null],
  tax: ['tax', 'treasury'],
  market: ['market', null],
  technology: ['science', 'miit'],
  safety_environment: ['emergency', 'ecology'],
  other: ['urban_mgmt', null],
};
const dep = (code: string | null): string | null =>
  code ? departmentIdByCode(code as Parameters<typeof departmentIdByCode>[0]) : null;

/** A small deterministic generator, so every run names the same enterprises. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export interface BenchEnterprise {
  n: number;
  id: string;
  name: string;
  creditCode: string;
  gridId: string;
  industry: string;
}

/** 5,000 enterprises with valid 统一社会信用代码 (GB 32100-2015 check character). */
export function benchEnterprises(count = 5000): BenchEnterprise[] {
  const rnd = prng(20261203);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const seen = new Set<string>();
  const out: BenchEnterprise[] = [];
  while (out.length < count) {
    const industry = pick(INDUSTRIES);
    const name = `${pick(NAME_PLACES)}${pick(TRADE_NAMES)}${industry}${pick(FORMS)}`;
    const unique = seen.has(name) ? name.replace(/(有限|股份)/, `${pick(TRADE_NAMES)}$1`) : name;
    if (seen.has(unique)) continue;
    seen.add(unique);
    const body = `915202${String(Math.floor(rnd() * 100)).padStart(2, '0')}MA${Array.from(
      { length: 7 },
      () => CODE_ALPHABET[Math.floor(rnd() * CODE_ALPHABET.length)],
    ).join('')}`;
    const n = out.length + 1;
    out.push({
      n,
      id: `bench-ent-${n}`,
      name: unique,
      creditCode: body + creditCodeCheckCharacter(body),
      gridId: BENCH_GRIDS[n % BENCH_GRIDS.length],
      industry,
    });
  }
  return out;
}

export async function insertEnterprises(c: Client, enterprises: BenchEnterprise[]): Promise<void> {
  const cols = [
    enterprises.map((e) => e.id),
    enterprises.map((e) => e.name),
    enterprises.map((e) => e.creditCode),
    enterprises.map((e) => e.gridId),
    enterprises.map((e) => e.industry),
    enterprises.map((e) => e.n),
  ];
  await c.query(
    `INSERT INTO ticket.directory_enterprises (id, name, grid_id, active, source_occurred_at)
     SELECT id, name, grid, true, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, name, grid)`,
    [cols[0], cols[1], cols[3]],
  );
  await c.query(
    `INSERT INTO ticket.search_enterprises (id, name, credit_code, source_occurred_at)
     SELECT id, name, code, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, name, code)`,
    [cols[0], cols[1], cols[2]],
  );
  await c.query(
    `CREATE TABLE IF NOT EXISTS bench_enterprises (n int PRIMARY KEY, id text, name text, grid_id text, industry text)`,
  );
  await c.query(`TRUNCATE bench_enterprises`);
  await c.query(
    `INSERT INTO bench_enterprises SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [cols[5], cols[0], cols[1], cols[3], cols[4]],
  );
}

const problems = Object.entries(PROBLEMS).flatMap(([category, list]) =>
  list.map((p) => ({ category, ...p })),
);

/** Fills the figures and places of a template; `r` names the lateral row of random picks. */
const fill = (expr: string) =>
  `replace(replace(replace(replace(replace(replace(replace(replace(${expr},
     '{n}', r.n::text), '{k}', r.k::text), '{m}', r.m::text), '{d}', r.d::text),
     '{place}', r.place), '{park}', r.park), '{road}', r.road), '{industry}', e.industry)`;

/**
 * `count` tickets over the two years before `now`, newest last (ids and numbers in that order):
 * tickets older than 30 days are closed (or withdrawn); the last 30 days hold the open queue.
 * Answered tickets get their resolution and reply as timeline steps, some open ones an interim
 * reply; open ones their clocks (some past due, some flagged). All by SQL, seeded: the same corpus
 * every run.
 */
export async function generateTickets(c: Client, count: number, log: (s: string) => void): Promise<void> {
  const [{ ents }] = (await c.query(`SELECT count(*)::int AS ents FROM bench_enterprises`)).rows;
  const leads = sqlArray(problems.map((p) => dep(ROUTES[p.category][0])!));
  const cos = sqlArray(problems.map((p) => dep(ROUTES[p.category][1]) ?? ''));
  await c.query(`SELECT setseed(0.2026)`);
  log(`tickets: ${count} rows`);
  await c.query(`
    INSERT INTO ticket.tickets (id, number, enterprise_id, enterprise_name, grid_id, submitted_by_id, submitted_by_role, title,
      description, category, urgency, location, contact_name, contact_phone, attachments, channel, status, lead_department_id,
      first_handler_department_id, acknowledged_since_assign, resolution, replied_this_round, feedback, reopen_count, close_outcome,
      last_reply, visit_id, submitted_at, closed_at, updated_at, version)
    SELECT x.id, 'CS-' || x.year || '-' || lpad((row_number() OVER (PARTITION BY x.year ORDER BY x.g))::text, 6, '0'),
      x.enterprise_id, x.enterprise_name, x.grid_id, 'bench-user-' || x.ei,
      CASE x.channel WHEN 'web' THEN 'enterprise' WHEN 'visit' THEN 'instructor' ELSE 'committee' END, x.title, x.description, x.category,
      x.urgency, x.place, x.contact, '139' || lpad((x.ei * 7919 % 100000000)::text, 8, '0'), '[]', x.channel, x.status,
      CASE WHEN x.status IN ('submitted', 'triage') THEN NULL ELSE x.lead END,
      CASE WHEN x.status IN ('submitted', 'triage') THEN NULL ELSE x.lead END,
      x.status NOT IN ('submitted', 'triage', 'assigned', 'reopened'),
      CASE WHEN x.answered THEN jsonb_build_object('departmentId', x.lead, 'result', x.reply, 'evidence', '[]'::jsonb,
        'resolvedAt', x.submitted_at + interval '5 days') END,
      x.answered,
      CASE WHEN x.status = 'closed' THEN jsonb_build_object('contacted', true, 'solved', true, 'satisfaction', 'satisfied',
        'comment', NULL, 'givenAt', x.submitted_at + interval '6 days', 'via', 'enterprise') END,
      0, CASE WHEN x.status = 'closed' THEN 'feedback' END,
      CASE WHEN x.answered THEN jsonb_build_object('departmentId', x.lead, 'message', x.reply, 'at', x.submitted_at + interval '5 days') END,
      CASE WHEN x.channel = 'visit' THEN md5('bench-visit-' || x.g)::uuid END,
      x.submitted_at,
      CASE WHEN x.status IN ('closed', 'withdrawn') THEN x.submitted_at + interval '6 days' END,
      x.submitted_at + interval '6 days', 1
    FROM (
      SELECT g, md5('bench-ticket-' || g)::uuid AS id, e.id AS enterprise_id, e.name AS enterprise_name, e.grid_id, r.ei,
        to_char(r.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year, r.submitted_at,
        left(r.place || ${fill('(ARRAY[' + problems.map((p) => `'${p.title}'`).join(',') + '])[r.pi]')}, 100) AS title,
        ${fill(
          `(${sqlArray(OPENERS)})[r.oi] || (ARRAY[${problems.map((p) => `'${p.detail}'`).join(',')}])[r.pi] || '，' || (${sqlArray(IMPACTS)})[r.ii] || (${sqlArray(ASKS)})[r.ai]`,
        )} AS description,
        ${fill('(ARRAY[' + problems.map((p) => `'${p.reply}'`).join(',') + '])[r.pi]')} AS reply,
        (ARRAY[${problems.map((p) => `'${p.category}'`).join(',')}])[r.pi] AS category,
        (${leads})[r.pi] AS lead, NULLIF((${cos})[r.pi], '') AS co,
        CASE WHEN r.u < 0.1 THEN 'urgent' ELSE 'normal' END AS urgency,
        r.place, (ARRAY['王','李','张','刘','陈','杨','黄','赵','周','吴'])[1 + r.ei % 10] || (ARRAY['经理','主任','先生','女士','工'])[1 + r.ei % 5] AS contact,
        CASE WHEN r.ch < 0.70 THEN 'web' WHEN r.ch < 0.82 THEN 'visit' WHEN r.ch < 0.92 THEN 'phone'
             WHEN r.ch < 0.95 THEN 'walk_in' WHEN r.ch < 0.98 THEN 'group_chat' ELSE 'letter' END AS channel,
        r.status, r.status IN ('resolved', 'closed') AS answered
      FROM generate_series(1, ${count}) g
      CROSS JOIN LATERAL (
        SELECT 1 + floor(random() * ${problems.length})::int AS pi, 1 + floor(random() * ${ents})::int AS ei,
          1 + floor(random() * ${OPENERS.length})::int AS oi, 1 + floor(random() * ${IMPACTS.length})::int AS ii,
          1 + floor(random() * ${ASKS.length})::int AS ai,
          (${sqlArray(PLACES)})[1 + floor(random() * ${PLACES.length})::int] AS place,
          (${sqlArray(PARKS)})[1 + floor(random() * ${PARKS.length})::int] AS park,
          (${sqlArray(ROADS)})[1 + floor(random() * ${ROADS.length})::int] AS road,
          10 + floor(random() * 490)::int AS n, 2 + floor(random() * 8)::int AS k,
          1 + floor(random() * 12)::int AS m, 1 + floor(random() * 28)::int AS d,
          random() AS u, random() AS ch, a.submitted_at,
          CASE WHEN a.submitted_at < now() - interval '30 days'
               THEN CASE WHEN random() < 0.96 THEN 'closed' ELSE 'withdrawn' END
               ELSE (ARRAY['submitted','triage','assigned','assigned','assigned','in_progress','in_progress','in_progress',
                           'in_progress','in_progress','in_progress','in_progress','in_progress','in_progress',
                           'transfer_requested','resolved','resolved','resolved','reopened','closed','closed','closed','withdrawn'])[1 + floor(random() * 23)::int]
          END AS status
        FROM (SELECT now() - interval '730 days' * (1 - g::float8 / ${count}) - random() * interval '1 hour' AS submitted_at) a
      ) r
      JOIN bench_enterprises e ON e.n = r.ei
    ) x`);

  log('tickets: co-handlers');
  await c.query(`
    INSERT INTO ticket.ticket_parts (ticket_id, department_id, position, content, reported_at, reported_by)
    SELECT t.id, co.id, 0, CASE WHEN t.status IN ('resolved', 'closed') THEN '已配合完成相关工作' END,
           CASE WHEN t.status IN ('resolved', 'closed') THEN t.submitted_at + interval '4 days' END, NULL
      FROM ticket.tickets t
      JOIN (SELECT * FROM unnest(${sqlArray(Object.keys(ROUTES))}, ${sqlArray(
        Object.values(ROUTES).map(([, co]) => dep(co) ?? ''),
      )}) AS r(category, id)) co ON co.category = t.category AND co.id <> ''
     WHERE t.lead_department_id IS NOT NULL AND ('x' || substr(t.id::text, 1, 2))::bit(8)::int % 7 = 0`);

  log('tickets: the conversation (resolutions, replies, interim replies)');
  await c.query(`
    INSERT INTO ticket.ticket_steps (ticket_id, version, action, event_type, event_id, actor_id, actor_role, reason, status_from,
      status_to, occurred_at, details)
    SELECT t.id, v.version, v.action, v.type, md5(t.id::text || v.type)::uuid, 'bench-dep-user', 'department', v.text,
           v.status_from, v.status_to, t.submitted_at + v.after, v.details
      FROM ticket.tickets t
     CROSS JOIN LATERAL (VALUES
       (2, 'resolve', 'ticket.resolved', t.resolution ->> 'result', 'in_progress', 'resolved', interval '5 days',
        jsonb_build_object('departmentId', t.lead_department_id, 'result', t.resolution ->> 'result', 'evidence', '[]'::jsonb)),
       (3, 'reply', 'ticket.replied', '您好，' || (t.resolution ->> 'result') || '。如有疑问请与我们联系。', 'resolved', 'resolved',
        interval '5 days 1 hour', jsonb_build_object('departmentId', t.lead_department_id,
          'message', '您好，' || (t.resolution ->> 'result') || '。如有疑问请与我们联系。'))
     ) AS v(version, action, type, text, status_from, status_to, after, details)
     WHERE t.resolution IS NOT NULL`);
  await c.query(`
    INSERT INTO ticket.ticket_steps (ticket_id, version, action, event_type, event_id, actor_id, actor_role, reason, status_from,
      status_to, occurred_at, details)
    SELECT t.id, 2, 'interimReply', 'ticket.interim-replied', md5(t.id::text || 'interim')::uuid, 'bench-dep-user', 'department',
           x.text, t.status, t.status, t.submitted_at + interval '2 days',
           jsonb_build_object('departmentId', t.lead_department_id, 'reason', x.text)
      FROM ticket.tickets t
     CROSS JOIN LATERAL (SELECT replace((${sqlArray(INTERIM_REPLIES)})[1 + ('x' || substr(t.id::text, 3, 2))::bit(8)::int % ${INTERIM_REPLIES.length}],
                                        '{k}', (2 + ('x' || substr(t.id::text, 5, 2))::bit(8)::int % 8)::text) AS text) x
     WHERE t.status IN ('in_progress', 'transfer_requested') AND ('x' || substr(t.id::text, 7, 2))::bit(8)::int % 3 = 0`);

  log('tickets: the clocks of the open queue');
  await c.query(`
    INSERT INTO ticket.ticket_deadlines (ticket_id, respond_due_at, resolve_due_at, flags, updated_at)
    SELECT t.id,
           CASE WHEN t.status IN ('assigned', 'reopened') THEN t.submitted_at + interval '1 day' END,
           CASE WHEN t.status IN ('in_progress', 'transfer_requested') THEN t.submitted_at + interval '10 days' END,
           CASE WHEN t.status IN ('in_progress', 'transfer_requested') AND t.submitted_at < now() - interval '10 days' THEN '{"resolve":"red"}'::jsonb
                WHEN t.status IN ('in_progress', 'transfer_requested') AND t.submitted_at < now() - interval '8 days' THEN '{"resolve":"yellow"}'::jsonb
                ELSE '{}'::jsonb END,
           now()
      FROM ticket.tickets t
     WHERE t.status IN ('assigned', 'reopened', 'in_progress', 'transfer_requested')`);
  await c.query(`
    INSERT INTO ticket.ticket_number_counters (year, last_number)
    SELECT split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int) FROM ticket.tickets GROUP BY 1
    ON CONFLICT (year) DO UPDATE SET last_number = GREATEST(ticket.ticket_number_counters.last_number, EXCLUDED.last_number)`);
}

export const departmentIds = DEFAULT_DEPARTMENTS.map((d) => d.id);
