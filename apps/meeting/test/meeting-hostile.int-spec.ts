/**
 * The generated hostile battery of test/api (support/hostile-cases.ts: NUL and lone surrogates,
 * strings past any maxLength and of 200 KB, wrong types, null, numbers out of range, deep nesting,
 * missing fields, bad ids in the path, other media types, broken JSON, empty PATCHes; fast-check
 * under a fixed seed) against every operation of the meeting service's own document, called by each
 * role the guard lets through, with real records behind the path: a meeting still to be held, a held
 * one with its minutes, a decision its lead department reports on. Each request must be answered
 * without a 5xx, every 4xx as application/problem+json with a `type`, and nothing may be written:
 * every table of the meeting schema is counted, and every `version` summed, around each request.
 * Unlike the whole-system suite, no failure is tolerated here.
 */
import { AuthUser } from '@ticketing/auth';
import { Role } from '@ticketing/contracts';
import { ApiDocument, Operation, operationsOf, Schema } from '../../../test/api/support/api-document';
import { Callers } from '../../../test/api/support/callers';
import { Census, changed, DbCensus } from '../../../test/api/support/db-census';
import { CaseContext, hostileCases } from '../../../test/api/support/hostile-cases';
import { send } from '../../../test/api/support/raw-http';
import { DEP, ENT, MeetingKit, SECRET, startMeetingKit, USERS } from './meeting-test-kit';

const ROAD = '0190f1f0-0000-7000-8000-00000000d001';
const DUST = '0190f1f0-0000-7000-8000-00000000d002';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

interface Failure {
  operation: string;
  role: string;
  case: string;
  what: string;
}

describe('hostile input against every meeting operation: no 5xx, problem+json, nothing written', () => {
  let kit: MeetingKit;
  let operations: Operation[] = [];
  const failures: Failure[] = [];
  const counted = { operations: 0, requests: 0, refused: 0 };

  beforeAll(async () => {
    kit = await startMeetingKit();
    await kit.ticket({
      id: ROAD,
      number: 'CS-2026-000401',
      title: '厂区道路破损',
      enterpriseId: ENT.jx,
      enterpriseName: '六枝机械厂',
      lead: DEP.transport,
    });
    await kit.ticket({
      id: DUST,
      number: 'CS-2026-000402',
      title: '夜间扬尘',
      enterpriseId: ENT.jx,
      enterpriseName: '六枝机械厂',
      lead: DEP.urban,
    });
    await kit.escalate(DUST); // an agenda candidate, so the candidates list is not empty
    const held = await kit.api('POST', '/api/v1/meetings', 'committee', {
      title: '三月联席会议',
      startsAt: yesterday(),
      place: '园区党群服务中心',
      items: [{ kind: 'ticket', ticketId: ROAD }],
    });
    if (held.status !== 201) throw new Error(`schedule: ${held.status} ${JSON.stringify(held.body)}`);
    const recorded = await kit.api('POST', `/api/v1/meetings/${held.body.id}/record`, 'committee', {
      expectedVersion: held.body.version,
      attendance: { departmentIds: [DEP.transport], enterpriseIds: [ENT.jx], people: ['张书记'] },
      summary: '研究厂区道路修缮',
      decisions: [
        {
          itemId: held.body.itemIds[0],
          task: '修复厂区道路',
          leadDepartmentId: DEP.transport,
          dueWorkingDays: 10,
        },
      ],
    });
    if (recorded.status >= 300)
      throw new Error(`record: ${recorded.status} ${JSON.stringify(recorded.body)}`);
    const upcoming = await kit.api('POST', '/api/v1/meetings', 'committee', {
      title: '四月联席会议',
      startsAt: tomorrow(),
      place: '园区党群服务中心',
      items: [{ kind: 'topic', title: '园区用工对接' }],
      followUps: false,
    });
    if (upcoming.status !== 201)
      throw new Error(`schedule: ${upcoming.status} ${JSON.stringify(upcoming.body)}`);
    const ids = {
      held: held.body.id as string,
      upcoming: upcoming.body.id as string,
      item: upcoming.body.itemIds[0] as string,
      decision: recorded.body.decisionIds[0] as string,
    };

    const users: Record<Role, AuthUser> = {
      admin: USERS.admin,
      committee: USERS.committee,
      department: USERS.depTransport,
      enterprise: USERS.entJx,
      instructor: USERS.insLi,
    };
    const callers = new Callers(SECRET, users);
    const base = kit.running.url;
    const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as ApiDocument;
    operations = operationsOf(doc).filter((o) => o.path.startsWith('/api/v1/meetings'));
    const census = new DbCensus(kit.pg, ['meeting']);
    await census.init();
    await census.settle();

    // The record each path names, and its current version for a body that asks for one.
    const recordOf = (op: Operation) =>
      op.path.startsWith('/api/v1/meetings/decisions/')
        ? { id: ids.decision, read: `/api/v1/meetings/decisions/${ids.decision}` }
        : op.path.endsWith('/minutes.docx')
          ? { id: ids.held, read: `/api/v1/meetings/${ids.held}` }
          : { id: ids.upcoming, read: `/api/v1/meetings/${ids.upcoming}` };
    const versionOf = async (read: string) => {
      const r = await kit.api('GET', read, 'committee');
      return typeof r.body?.version === 'number' ? (r.body.version as number) : 1;
    };
    const byName: Record<string, unknown> = {
      ticketId: ROAD,
      itemId: ids.item,
      leadDepartmentId: DEP.urban,
      departmentId: DEP.transport,
      departmentIds: [DEP.transport],
      coHandlerDepartmentIds: [],
      enterpriseId: ENT.jx,
      enterpriseIds: [ENT.jx],
      startsAt: tomorrow(),
    };

    for (const op of operations) {
      const roles = await callers.allowedRoles(base, op);
      if (!roles.length) throw new Error(`${op.key}: no role may call it, so no hostile input reaches it`);
      counted.operations++;
      const record = recordOf(op);
      for (const role of roles) {
        const pathValues = Object.fromEntries(op.pathParams.map((p) => [p.name, record.id]));
        const expectedVersion = op.jsonBody?.properties?.expectedVersion
          ? await versionOf(record.read)
          : undefined;
        const ctx: CaseContext = {
          pathValues,
          optionalFields: ['leadDepartmentId'],
          headers: callers.header(role),
          valueFor: (name: string, _schema: Schema) =>
            name === 'expectedVersion' ? expectedVersion : byName[name],
        };
        let before: Census = await census.take();
        for (const c of hostileCases(op, ctx)) {
          const r = await send(base, c.request);
          counted.requests++;
          const fail = (what: string) =>
            failures.push({ operation: op.key, role, case: `${c.kind} ${c.field} = ${c.value}`, what });
          if (r.failed) fail(`no answer: ${r.failed}`);
          else if (r.status >= 500) fail(`${r.status} ${String(r.json?.detail ?? r.text).slice(0, 160)}`);
          else if (r.status >= 400) {
            counted.refused++;
            if (!r.contentType.startsWith('application/problem+json') || typeof r.json?.type !== 'string')
              fail(`${r.status} not problem+json: ${r.contentType} ${r.text.slice(0, 80)}`);
          }
          if (c.edge && !r.failed) {
            const fields = ((r.json?.errors as { field: string }[] | undefined) ?? []).map((e) => e.field);
            if (
              r.status !== c.edge.status ||
              (c.edge.field !== undefined && !fields.includes(c.edge.field)) ||
              (c.edge.detail !== undefined && !c.edge.detail.test(String(r.json?.detail ?? '')))
            )
              fail(
                `edge: expected ${c.edge.status} ${c.edge.field ?? ''}, got ${r.status} ${fields.join(',')}`,
              );
          }
          const after = (await census.unchangedSince(before)) ? before : await census.take();
          const wrote = changed(before, after);
          if (wrote.length) fail(`${r.status} wrote ${wrote.join(', ')}`);
          before = wrote.length ? await census.settle() : after;
        }
      }
    }
    process.stdout.write(
      `\nmeeting hostile input: ${counted.operations} operations, ${counted.requests} requests, ${counted.refused} refused with 4xx, ${failures.length} failures\n` +
        failures
          .slice(0, 100)
          .map((f) => `  ${f.operation} [${f.role}] ${f.case}: ${f.what}\n`)
          .join(''),
    );
  }, 30 * 60_000);

  afterAll(async () => {
    await kit?.close();
  });

  it('drives every operation of the meeting service, with real records behind its paths', () => {
    expect(operations.map((o) => o.key).sort()).toEqual(
      [
        'GET /api/v1/meetings',
        'POST /api/v1/meetings',
        'GET /api/v1/meetings/candidates',
        'GET /api/v1/meetings/stats',
        'GET /api/v1/meetings/{id}',
        'PATCH /api/v1/meetings/{id}',
        'POST /api/v1/meetings/{id}/cancel',
        'POST /api/v1/meetings/{id}/record',
        'GET /api/v1/meetings/{id}/minutes.docx',
        'GET /api/v1/meetings/decisions',
        'GET /api/v1/meetings/decisions/{id}',
        'POST /api/v1/meetings/decisions/{id}/reports',
        'POST /api/v1/meetings/decisions/{id}/close',
      ].sort(),
    );
    expect(counted.requests).toBeGreaterThan(counted.operations * 10);
  });

  it('answers every hostile request without a 5xx, refuses with problem+json, keeps the edge rules, and writes nothing', () => {
    expect(failures.map((f) => `${f.operation} [${f.role}] ${f.case}: ${f.what}`)).toEqual([]);
  });
});
