/**
 * The authorisation matrix: every endpoint of /api/v1/meetings × every role × ownership (a
 * department invited or owning a decision, one that is not; an enterprise whose ticket a decision is
 * on, another), plus no token. A record the caller may not see is a 404, an endpoint their role may
 * not call a 403, no token a 401; lists show only what is theirs.
 */
import { DEP, ENT, Json, MeetingKit, startMeetingKit, UserKey } from './meeting-test-kit';

type Caller = UserKey | 'anonymous';
const CALLERS: Caller[] = [
  'anonymous',
  'entJx',
  'entXx',
  'insLi',
  'depTransport',
  'depUrban',
  'depTax',
  'committee',
  'admin',
];

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

const ROAD = '0190f1f0-0000-7000-8000-00000000b001';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

describe('meeting authorisation matrix', () => {
  let kit: MeetingKit;
  const ids: Record<string, string> = {};

  const as = async (who: Caller, c: Call) =>
    kit.api(c.method, c.path, who === 'anonymous' ? null : who, c.body);
  const must = async (who: UserKey, c: Call, status = 200) => {
    const r = await as(who, c);
    if (r.status !== status)
      throw new Error(`${c.method} ${c.path} as ${who}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Json;
  };
  const matrix = async (call: (who: Caller) => Promise<Call>, expected: Record<Caller, number>) => {
    const seen: Record<string, number> = {};
    for (const who of CALLERS) seen[who] = (await as(who, await call(who))).status;
    expect(seen).toEqual(expected);
  };
  const all = (status: number, over: Partial<Record<Caller, number>> = {}): Record<Caller, number> => ({
    ...(Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>),
    anonymous: 401,
    ...over,
  });
  /** Only the committee and admin: the rest 403. */
  const runners = (status: number) => all(403, { committee: status, admin: status });

  /** A fresh scheduled meeting on a topic (transport invited), for calls that change one. */
  const scheduled = async (): Promise<{ id: string; version: number; itemIds: string[] }> =>
    must(
      'committee',
      {
        method: 'POST',
        path: '/api/v1/meetings',
        body: {
          title: '专题协调会',
          startsAt: yesterday(),
          place: '会议室',
          items: [{ kind: 'topic', title: '专题', departmentIds: [DEP.transport] }],
          followUps: false,
        },
      },
      201,
    );

  beforeAll(async () => {
    kit = await startMeetingKit();
    await kit.ticket({
      id: ROAD,
      number: 'CS-2026-000201',
      title: '道路破损',
      enterpriseId: ENT.jx,
      enterpriseName: '六枝机械厂',
      lead: DEP.transport,
      co: [DEP.urban],
    });
    await kit.escalate(ROAD);
    const m = await must(
      'committee',
      {
        method: 'POST',
        path: '/api/v1/meetings',
        body: {
          title: '联席会议',
          startsAt: yesterday(),
          place: '会议室',
          items: [
            { kind: 'ticket', ticketId: ROAD },
            { kind: 'topic', title: '合作一' },
            { kind: 'topic', title: '合作二' },
          ],
        },
      },
      201,
    );
    ids.held = m.id;
    const rec = await must('committee', {
      method: 'POST',
      path: `/api/v1/meetings/${m.id}/record`,
      body: {
        expectedVersion: m.version,
        heldAt: yesterday(),
        attendance: { departmentIds: [DEP.transport], enterpriseIds: [ENT.jx], people: ['张书记'] },
        summary: '纪要',
        decisions: [
          {
            itemId: m.itemIds[0],
            task: '修路',
            leadDepartmentId: DEP.transport,
            coHandlerDepartmentIds: [DEP.urban],
            dueWorkingDays: 10,
          },
          { itemId: m.itemIds[1], task: '合作一', leadDepartmentId: DEP.hrss, dueWorkingDays: 5 },
          { itemId: m.itemIds[2], task: '合作二', leadDepartmentId: DEP.hrss, dueWorkingDays: 5 },
        ],
      },
    });
    [ids.road, ids.closeA, ids.closeB] = rec.decisionIds;
    ids.next = (await scheduled()).id;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('GET /candidates and /stats: the committee and admin', async () => {
    await matrix(async () => ({ method: 'GET', path: '/api/v1/meetings/candidates' }), runners(200));
    await matrix(async () => ({ method: 'GET', path: '/api/v1/meetings/stats' }), runners(200));
  });

  it('GET /meetings: departments and the committee, each their own; enterprises and instructors 403', async () => {
    await matrix(
      async () => ({ method: 'GET', path: '/api/v1/meetings' }),
      all(200, { entJx: 403, entXx: 403, insLi: 403 }),
    );
    const count = async (who: UserKey) =>
      (await must(who, { method: 'GET', path: '/api/v1/meetings' })).items.length;
    expect(await count('committee')).toBe(2);
    expect(await count('depTransport')).toBe(2); // invited to both
    expect(await count('depUrban')).toBe(1); // invited with the ticket it co-handles
    expect(await count('depTax')).toBe(0);
  });

  it('GET /meetings/:id and its minutes: a department not invited gets 404', async () => {
    const expected = all(200, { entJx: 403, entXx: 403, insLi: 403, depTax: 404 });
    await matrix(async () => ({ method: 'GET', path: `/api/v1/meetings/${ids.held}` }), expected);
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/meetings/${ids.held}/minutes.docx` }),
      expected,
    );
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/meetings/${ids.next}` }),
      all(200, { entJx: 403, entXx: 403, insLi: 403, depTax: 404, depUrban: 404 }),
    );
  });

  it('POST /meetings, PATCH, cancel and record: only the committee and admin', async () => {
    await matrix(
      async () => ({
        method: 'POST',
        path: '/api/v1/meetings',
        body: {
          title: '会',
          startsAt: yesterday(),
          place: '室',
          items: [{ kind: 'topic', title: '题' }],
          followUps: false,
        },
      }),
      runners(201),
    );
    await matrix(async () => {
      const m = await scheduled();
      return {
        method: 'PATCH',
        path: `/api/v1/meetings/${m.id}`,
        body: { expectedVersion: m.version, place: '二楼' },
      };
    }, runners(200));
    await matrix(async () => {
      const m = await scheduled();
      return {
        method: 'POST',
        path: `/api/v1/meetings/${m.id}/cancel`,
        body: { expectedVersion: m.version, reason: '改期' },
      };
    }, runners(200));
    await matrix(async () => {
      const m = await scheduled();
      return {
        method: 'POST',
        path: `/api/v1/meetings/${m.id}/record`,
        body: {
          expectedVersion: m.version,
          attendance: { departmentIds: [], enterpriseIds: [], people: [] },
          summary: '纪要',
          decisions: [],
        },
      };
    }, runners(200));
  });

  it('GET /meetings/decisions: each sees their own; mine=true is a department’s', async () => {
    await matrix(
      async () => ({ method: 'GET', path: '/api/v1/meetings/decisions' }),
      all(200, { insLi: 403 }),
    );
    const seen = async (who: UserKey, q = '') =>
      (await must(who, { method: 'GET', path: `/api/v1/meetings/decisions${q}` })).items
        .map((d: Json) => d.id)
        .sort();
    expect(await seen('committee')).toEqual([ids.road, ids.closeA, ids.closeB].sort());
    expect(await seen('depTransport', '?mine=true')).toEqual([ids.road]);
    expect(await seen('depUrban', '?mine=true')).toEqual([ids.road]);
    expect(await seen('depTax', '?mine=true')).toEqual([]);
    expect(await seen('entJx')).toEqual([ids.road]);
    expect(await seen('entXx')).toEqual([]);
    const bad = await as('committee', { method: 'GET', path: '/api/v1/meetings/decisions?mine=true' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('mine');
  });

  it('GET /meetings/decisions/:id: its departments, its enterprise, the committee; others 404', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/meetings/decisions/${ids.road}` }),
      all(200, { entXx: 404, depTax: 404, insLi: 403 }),
    );
  });

  it('POST reports: its lead and co-handler; another department 404; other roles 403', async () => {
    await matrix(
      async () => {
        const d = await must('committee', { method: 'GET', path: `/api/v1/meetings/decisions/${ids.road}` });
        return {
          method: 'POST',
          path: `/api/v1/meetings/decisions/${ids.road}/reports`,
          body: { expectedVersion: d.version, progress: 'in_progress', report: '进展' },
        };
      },
      all(403, { depTransport: 201, depUrban: 201, depTax: 404 }),
    );
  });

  it('POST close: the committee and admin', async () => {
    const queue = [ids.closeA, ids.closeB];
    await matrix(async (who) => {
      const id = who === 'committee' || who === 'admin' ? queue.shift()! : ids.road;
      const d = await must('committee', { method: 'GET', path: `/api/v1/meetings/decisions/${id}` });
      return {
        method: 'POST',
        path: `/api/v1/meetings/decisions/${id}/close`,
        body: { expectedVersion: d.version, outcome: 'solved', note: '已解决' },
      };
    }, runners(200));
  });
});
