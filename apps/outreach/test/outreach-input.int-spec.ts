/**
 * Bad input on every endpoint of /api/v1/outreach: each is a 4xx problem+json naming the field at
 * fault, and nothing is written (every table a request may write is counted around each request).
 */
import {
  DEP,
  ENT,
  JPEG,
  Json,
  OutreachKit,
  startOutreachKit,
  USERS,
  UserKey,
  zoneMonth,
} from './outreach-test-kit';

const MONTH = zoneMonth(0);
const recent = () => new Date(Date.now() - 3600_000).toISOString();
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const A_UUID = '0190f1f0-0000-7000-8000-00000000beef';

interface Case {
  what: string;
  as: UserKey;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status?: number;
  /** A field the problem must name (in `errors`); absent: the detail suffices (e.g. nothing to change). */
  field?: string;
}

describe('bad input on every outreach endpoint: a 4xx naming the field, nothing written', () => {
  let kit: OutreachKit;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    kit = await startOutreachKit();
    const list = await kit.api('POST', '/api/v1/outreach/task-lists', 'committee', {
      instructorUserId: USERS.insLi.id,
      month: MONTH,
    });
    ids.list = list.body.id;
    ids.photoLi = (await kit.upload('insLi', JPEG, 'a.jpg', 'image/jpeg')).body.id;
    ids.photoWang = (await kit.upload('insWang', JPEG, 'b.jpg', 'image/jpeg')).body.id;
    const visit = await kit.api('POST', '/api/v1/outreach/visits', 'insLi', {
      enterpriseId: ENT.jx,
      visitedAt: recent(),
      mode: 'phone',
      needs: [{ kind: 'hiring', title: '招工', description: '10 人' }],
    });
    ids.visit = visit.body.id;
    ids.need = visit.body.needIds[0];
  });
  afterAll(async () => {
    await kit?.close();
  });

  const visitBody = (over: Record<string, unknown> = {}) => ({
    enterpriseId: ENT.jx,
    visitedAt: recent(),
    mode: 'on_site',
    ...over,
  });
  const problem = (over: Record<string, unknown> = {}) => ({
    title: '问题',
    description: '说明',
    category: 'labour',
    contact: { name: '王经理', phone: '13800138000' },
    ...over,
  });

  const cases = (): Case[] => [
    // liaisons
    {
      what: 'liaisons: a path id that is no id',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/enterprises/a%20b/liaisons',
      field: 'enterpriseId',
    },
    {
      what: 'liaisons: nothing given',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: {},
      field: 'keyEnterprise',
    },
    {
      what: 'liaisons: instructors not a list',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: { keyEnterprise: true, instructorUserIds: 'u-ins-li' },
      field: 'instructorUserIds',
    },
    {
      what: 'liaisons: an instructor of another grid',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: { keyEnterprise: true, instructorUserIds: [USERS.insWang.id] },
      field: 'instructorUserIds.0',
    },
    {
      what: 'liaisons: a leader without a name',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: { keyEnterprise: true, instructorUserIds: [], leader: { name: '' } },
      field: 'leader.name',
    },
    {
      what: 'liaisons: an unknown department',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: { keyEnterprise: true, instructorUserIds: [], department: { departmentId: 'no-such-dep' } },
      field: 'department.departmentId',
    },
    {
      what: 'liaisons: a bad phone',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: {
        keyEnterprise: true,
        instructorUserIds: [],
        department: { departmentId: DEP.hrss, contactPhone: '12345' },
      },
      field: 'department.contactPhone',
    },
    {
      what: 'liaisons: an unknown field',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: { keyEnterprise: true, instructorUserIds: [], vip: true },
      field: 'vip',
    },
    {
      what: 'enterprises: keyEnterprise not a yes/no',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/enterprises?keyEnterprise=maybe',
      field: 'keyEnterprise',
    },
    {
      what: 'enterprises: a page too large',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/enterprises?limit=1000',
      field: 'limit',
    },
    {
      what: 'enterprises: a forged cursor',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/enterprises?cursor=Zm9v',
      field: 'cursor',
    },
    // task lists
    {
      what: 'task lists: a month that is none',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/task-lists?month=2026-13',
      field: 'month',
    },
    {
      what: 'task list: a month that is none',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: { instructorUserId: USERS.insLi.id, month: '2026-13' },
      field: 'month',
    },
    {
      what: 'task list: a month years away',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: { instructorUserId: USERS.insLi.id, month: '2099-01' },
      field: 'month',
    },
    {
      what: 'task list: not an instructor',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: { instructorUserId: USERS.entJx.id, month: zoneMonth(1) },
      field: 'instructorUserId',
    },
    {
      what: 'task list: an enterprise of another grid',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: {
        instructorUserId: USERS.insLi.id,
        month: zoneMonth(1),
        items: [{ enterpriseId: ENT.xx, topics: [] }],
      },
      field: 'items.0.enterpriseId',
    },
    {
      what: 'task list: a topic of no kind',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: {
        instructorUserId: USERS.insLi.id,
        month: zoneMonth(1),
        items: [{ enterpriseId: ENT.jx, topics: [{ kind: 'gossip', text: 'x' }] }],
      },
      field: 'items.0.topics.0.kind',
    },
    {
      what: 'task list: an enterprise twice',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: {
        instructorUserId: USERS.insLi.id,
        month: zoneMonth(1),
        items: [
          { enterpriseId: ENT.jx, topics: [] },
          { enterpriseId: ENT.jx, topics: [] },
        ],
      },
      field: 'items.1.enterpriseId',
    },
    {
      what: 'task list: the month is taken',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists',
      body: { instructorUserId: USERS.insLi.id, month: MONTH },
      status: 409,
      field: 'month',
    },
    {
      what: 'task list: a path id that is no uuid',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/task-lists/nope',
      field: 'id',
    },
    {
      what: 'revise: no version',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/task-lists/${ids.list}/items`,
      body: { items: [] },
      field: 'expectedVersion',
    },
    {
      what: 'revise: items not a list',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/task-lists/${ids.list}/items`,
      body: { expectedVersion: 1, items: {} },
      field: 'items',
    },
    {
      what: 'revise: a stale version',
      as: 'committee',
      method: 'PUT',
      path: `/api/v1/outreach/task-lists/${ids.list}/items`,
      body: { expectedVersion: 9, items: [] },
      status: 409,
    },
    {
      what: 'publish: a version that is no number',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/outreach/task-lists/${ids.list}/publish`,
      body: { expectedVersion: 'one' },
      field: 'expectedVersion',
    },
    {
      what: 'publish: a path id that is no uuid',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/task-lists/x/publish',
      body: { expectedVersion: 1 },
      field: 'id',
    },
    // visits
    {
      what: 'photo: a path id that is no uuid',
      as: 'insLi',
      method: 'GET',
      path: '/api/v1/outreach/visits/photos/x',
      field: 'id',
    },
    {
      what: 'visits: a month that is none',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/visits?month=03-2026',
      field: 'month',
    },
    {
      what: 'visits: a page of none',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/visits?limit=0',
      field: 'limit',
    },
    {
      what: 'visit: nothing given',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: {},
      field: 'visitedAt',
    },
    {
      what: 'visit: no mode',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ mode: 'letter' }),
      field: 'mode',
    },
    {
      what: 'visit: a time that is none',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ visitedAt: '2026-02-30T10:00:00Z' }),
      field: 'visitedAt',
    },
    {
      what: 'visit: in the future',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ visitedAt: new Date(Date.now() + 86_400_000).toISOString() }),
      field: 'visitedAt',
    },
    {
      what: 'visit: a problem of no category',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ problems: [problem({ category: 'weather' })] }),
      field: 'problems.0.category',
    },
    {
      what: 'visit: a problem without contact phone',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ problems: [problem({ contact: { name: '王', phone: '123' } })] }),
      field: 'problems.0.contact.phone',
    },
    {
      what: 'visit: a problem title too long',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ problems: [problem({ title: '长'.repeat(101) })] }),
      field: 'problems.0.title',
    },
    {
      what: 'visit: a problem photo not among the visit’s',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ problems: [problem({ photoIds: [A_UUID] })] }),
      field: 'problems.0.photoIds',
    },
    {
      what: 'visit: photo ids that are none',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ photoIds: ['x'] }),
      field: 'photoIds',
    },
    {
      what: 'visit: another instructor’s photo',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ photoIds: [ids.photoWang] }),
      field: 'photoIds',
    },
    {
      what: 'visit: a need of no kind',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody({ needs: [{ kind: 'loan', title: 'x', description: 'y' }] }),
      field: 'needs.0.kind',
    },
    {
      what: 'visit: a bad Idempotency-Key',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/visits',
      body: visitBody(),
      headers: { 'idempotency-key': 'has space' },
      field: 'Idempotency-Key',
    },
    {
      what: 'visit: a path id that is no uuid',
      as: 'insLi',
      method: 'GET',
      path: '/api/v1/outreach/visits/x',
      field: 'id',
    },
    // needs
    {
      what: 'needs: a status that is none',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/needs?status=done',
      field: 'status',
    },
    {
      what: 'need: no title',
      as: 'entJx',
      method: 'POST',
      path: '/api/v1/outreach/needs',
      body: { kind: 'hiring', title: '', description: 'x' },
      field: 'title',
    },
    {
      what: 'need: a kind that is none',
      as: 'entJx',
      method: 'POST',
      path: '/api/v1/outreach/needs',
      body: { kind: 'complaint', title: 'x', description: 'y' },
      field: 'kind',
    },
    {
      what: 'need: the committee names no enterprise',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/needs',
      body: { kind: 'hiring', title: 'x', description: 'y' },
      field: 'enterpriseId',
    },
    {
      what: 'need: an unknown department',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/outreach/needs',
      body: {
        enterpriseId: ENT.jx,
        kind: 'hiring',
        title: 'x',
        description: 'y',
        ownerDepartmentId: 'no-such-dep',
      },
      field: 'ownerDepartmentId',
    },
    {
      what: 'need: a path id that is no uuid',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/needs/x',
      field: 'id',
    },
    {
      what: 'need change: nothing to change',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 1 },
    },
    {
      what: 'need change: the same status',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 1, status: 'open' },
    },
    {
      what: 'need change: a status that is none',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 1, status: 'done' },
      field: 'status',
    },
    {
      what: 'need change: a ticket id that is none',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 1, ticketId: 'x' },
      field: 'ticketId',
    },
    {
      what: 'need change: a ticket we never heard of',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 1, ticketId: A_UUID },
      field: 'ticketId',
    },
    {
      what: 'need change: an unknown department',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 1, ownerDepartmentId: 'no-such-dep' },
      field: 'ownerDepartmentId',
    },
    {
      what: 'need change: a version past int4',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${ids.need}`,
      body: { expectedVersion: 2 ** 31, note: 'x' },
      field: 'expectedVersion',
    },
    // work log
    {
      what: 'work log: no from',
      as: 'insLi',
      method: 'GET',
      path: `/api/v1/outreach/work-log?to=${today()}`,
      field: 'from',
    },
    {
      what: 'work log: to before from',
      as: 'insLi',
      method: 'GET',
      path: '/api/v1/outreach/work-log?from=2026-03-10&to=2026-03-01',
      field: 'to',
    },
    {
      what: 'work log: a year at once',
      as: 'insLi',
      method: 'GET',
      path: '/api/v1/outreach/work-log?from=2025-01-01&to=2025-12-31',
      field: 'to',
    },
    {
      what: 'work: a day that is none',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/work-log',
      body: { day: '2026-02-30', kind: 'meeting', title: 'x' },
      field: 'day',
    },
    {
      what: 'work: a day to come',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/work-log',
      body: { day: '2999-01-01', kind: 'meeting', title: 'x' },
      field: 'day',
    },
    {
      what: 'work: a visit logged by hand',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/work-log',
      body: { day: today(), kind: 'visit', title: 'x' },
      field: 'kind',
    },
    {
      what: 'work: 30 hours',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/work-log',
      body: { day: today(), kind: 'meeting', title: 'x', hours: 30 },
      field: 'hours',
    },
    {
      what: 'work: an enterprise of another grid',
      as: 'insLi',
      method: 'POST',
      path: '/api/v1/outreach/work-log',
      body: { day: today(), kind: 'meeting', title: 'x', enterpriseId: ENT.xx },
      status: 404,
    },
    // plan against done
    {
      what: 'plan: no month',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/plan-vs-done',
      field: 'month',
    },
    {
      what: 'plan: a month that is none',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/plan-vs-done?month=march',
      field: 'month',
    },
    {
      what: 'plan xlsx: a month that is none',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/outreach/plan-vs-done.xlsx?month=2026-00',
      field: 'month',
    },
  ];

  it('answers each with a 4xx problem naming the field, and writes nothing', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const c of cases()) {
      const before = await kit.census();
      const r = await kit.api(c.method, c.path, c.as, c.body, c.headers);
      const after = await kit.census();
      const fields = ((r.body as Json)?.errors ?? []).map((e: Json) => e.field);
      const problems = [
        r.status !== (c.status ?? 400) && `status ${r.status}, expected ${c.status ?? 400}`,
        !r.headers.get('content-type')?.startsWith('application/problem+json') && 'not problem+json',
        c.field && !fields.includes(c.field) && `errors name ${JSON.stringify(fields)}, not ${c.field}`,
        JSON.stringify(before) !== JSON.stringify(after) &&
          `wrote ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
      ].filter(Boolean);
      if (problems.length)
        failures.push(`${c.what}: ${problems.join('; ')} — ${JSON.stringify(r.body).slice(0, 200)}`);
      checked++;
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(60);
  });

  it('the API document lists every outreach route with its tag, success and error responses', async () => {
    const doc = (await (await fetch(`${kit.running.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, Json>>;
    };
    const problems: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/v1/outreach'))) {
      for (const [method, op] of Object.entries(ops)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        const codes = Object.keys(op.responses ?? {});
        if (!op.tags?.length) problems.push(`${name}: no tag`);
        if (!codes.some((c) => c.startsWith('2'))) problems.push(`${name}: no success response`);
        if (!(codes.includes('401') && codes.includes('403')))
          problems.push(`${name}: 401/403 not documented`);
        const takesInput =
          !!op.requestBody || (op.parameters ?? []).some((x: Json) => x.in === 'query' || x.in === 'path');
        if (takesInput && !codes.some((c) => ['400', '404', '422'].includes(c)))
          problems.push(`${name}: no 4xx for bad input`);
      }
    }
    expect(problems).toEqual([]);
    expect(operations).toBe(21);
  });

  it('a photo that is not a picture is a 415 naming the file; no file is a 400; neither is stored', async () => {
    const before = await kit.census();
    const pdf = await kit.upload('insLi', Buffer.from('%PDF-1.7\n'), '现场.jpg', 'image/jpeg');
    expect([pdf.status, pdf.body.errors]).toEqual([415, [{ field: 'file', messages: ['not a photo'] }]]);
    const none = await fetch(`${kit.running.url}/api/v1/outreach/visits/photos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kit.token('insLi')}` },
      body: new FormData(),
    });
    expect(none.status).toBe(400);
    expect(((await none.json()) as Json).errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(await kit.census()).toEqual(before);
  });

  it('an Idempotency-Key reused for another visit is a 422, and writes nothing', async () => {
    const headers = { 'idempotency-key': 'offline-draft-7' };
    expect(
      (await kit.api('POST', '/api/v1/outreach/visits', 'insLi', visitBody({ topics: ['一'] }), headers))
        .status,
    ).toBe(201);
    const before = await kit.census();
    const r = await kit.api(
      'POST',
      '/api/v1/outreach/visits',
      'insLi',
      visitBody({ topics: ['二'] }),
      headers,
    );
    expect(r.status).toBe(422);
    expect(await kit.census()).toEqual(before);
  });
});
