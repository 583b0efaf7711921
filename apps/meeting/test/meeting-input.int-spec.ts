/**
 * Bad input on every endpoint of /api/v1/meetings: each is a 4xx problem+json naming the field at
 * fault, and nothing is written (every table a request may write is counted around each request).
 */
import { DEP, ENT, Json, MeetingKit, startMeetingKit, UserKey } from './meeting-test-kit';

const ROAD = '0190f1f0-0000-7000-8000-00000000c001';
const A_UUID = '0190f1f0-0000-7000-8000-00000000beef';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

interface Case {
  what: string;
  as: UserKey;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status?: number;
  /** A field the problem must name (in `errors`); absent: the detail suffices. */
  field?: string;
}

describe('bad input on every meeting endpoint: a 4xx naming the field, nothing written', () => {
  let kit: MeetingKit;
  const ids: Record<string, string> = {};
  const v: Record<string, number> = {};

  beforeAll(async () => {
    kit = await startMeetingKit();
    await kit.ticket({
      id: ROAD,
      number: 'CS-2026-000301',
      title: '道路',
      enterpriseId: ENT.jx,
      enterpriseName: '六枝机械厂',
      lead: DEP.transport,
    });
    const held = await kit.api('POST', '/api/v1/meetings', 'committee', {
      title: '已开会议',
      startsAt: yesterday(),
      place: '会议室',
      items: [{ kind: 'ticket', ticketId: ROAD }],
    });
    const rec = await kit.api('POST', `/api/v1/meetings/${held.body.id}/record`, 'committee', {
      expectedVersion: 1,
      attendance: { departmentIds: [], enterpriseIds: [], people: [] },
      summary: '纪要',
      decisions: [
        { itemId: held.body.itemIds[0], task: '修路', leadDepartmentId: DEP.transport, dueWorkingDays: 10 },
      ],
    });
    ids.held = held.body.id;
    ids.decision = rec.body.decisionIds[0];
    const next = await kit.api('POST', '/api/v1/meetings', 'committee', {
      title: '待开会议',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      place: '会议室',
      items: [{ kind: 'topic', title: '专题' }],
      // Without the held meeting's open decision as a follow-up: one item, and no follow-up to close at it.
      followUps: false,
    });
    ids.next = next.body.id;
    v.next = next.body.version;
    ids.item = next.body.itemIds[0];
  });
  afterAll(async () => {
    await kit?.close();
  });

  const schedule = (over: Record<string, unknown> = {}) => ({
    title: '会议',
    startsAt: yesterday(),
    place: '会议室',
    items: [{ kind: 'topic', title: '题' }],
    ...over,
  });
  const record = (over: Record<string, unknown> = {}) => ({
    expectedVersion: v.next,
    attendance: { departmentIds: [], enterpriseIds: [], people: [] },
    summary: '纪要',
    decisions: [],
    ...over,
  });
  const decision = (over: Record<string, unknown> = {}) => ({
    itemId: ids.item,
    task: '任务',
    leadDepartmentId: DEP.transport,
    dueWorkingDays: 5,
    ...over,
  });

  const cases = (): Case[] => [
    // schedule
    {
      what: 'schedule: nothing',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: {},
      field: 'title',
    },
    {
      what: 'schedule: a title too long',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ title: '会'.repeat(201) }),
      field: 'title',
    },
    {
      what: 'schedule: not a time',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ startsAt: '明天下午' }),
      field: 'startsAt',
    },
    {
      what: 'schedule: a year out of range',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ startsAt: '1999-01-01T00:00:00Z' }),
      field: 'startsAt',
    },
    {
      what: 'schedule: no place',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ place: '' }),
      field: 'place',
    },
    {
      what: 'schedule: items not a list',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: 'x' }),
      field: 'items',
    },
    {
      what: 'schedule: an item of no kind',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: [{ kind: 'gossip' }] }),
      field: 'items.0.kind',
    },
    {
      what: 'schedule: a ticket item without its id',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: [{ kind: 'ticket' }] }),
      field: 'items.0.ticketId',
    },
    {
      what: 'schedule: an unknown ticket',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: [{ kind: 'ticket', ticketId: A_UUID }] }),
      field: 'items.0.ticketId',
    },
    {
      what: 'schedule: an unknown need',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: [{ kind: 'need', needId: A_UUID }] }),
      field: 'items.0.needId',
    },
    {
      what: 'schedule: a topic without a title',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: [{ kind: 'topic' }] }),
      field: 'items.0.title',
    },
    {
      what: 'schedule: the same ticket twice',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({
        items: [
          { kind: 'ticket', ticketId: ROAD },
          { kind: 'ticket', ticketId: ROAD },
        ],
      }),
      field: 'items.1',
    },
    {
      what: 'schedule: an empty agenda',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ items: [], followUps: false }),
      field: 'items',
    },
    {
      what: 'schedule: an unknown department invited',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ invitedDepartmentIds: ['dep-none'] }),
      field: 'invitedDepartmentIds.0',
    },
    {
      what: 'schedule: an unknown enterprise invited',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ invitedEnterpriseIds: ['ent-none'] }),
      field: 'invitedEnterpriseIds.0',
    },
    {
      what: 'schedule: an id that is no id',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ invitedDepartmentIds: ['a b'] }),
      field: 'invitedDepartmentIds',
    },
    {
      what: 'schedule: an enterprise as convenor',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ convenorUserId: 'u-ent-jx' }),
      field: 'convenorUserId',
    },
    {
      what: 'schedule: followUps not a yes/no',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ followUps: 'yes' }),
      field: 'followUps',
    },
    {
      what: 'schedule: an unknown field',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule({ budget: 5 }),
      field: 'budget',
    },
    {
      what: 'schedule: an Idempotency-Key of spaces',
      as: 'committee',
      method: 'POST',
      path: '/api/v1/meetings',
      body: schedule(),
      headers: { 'Idempotency-Key': 'a b' },
      field: 'Idempotency-Key',
    },
    // list, get, minutes
    {
      what: 'list: a status it does not know',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings?status=planned',
      field: 'status',
    },
    {
      what: 'list: a day that does not exist',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings?from=2026-02-30',
      field: 'from',
    },
    {
      what: 'list: to before from',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings?from=2026-03-02&to=2026-03-01',
      field: 'to',
    },
    {
      what: 'list: a forged cursor',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings?cursor=Zm9vfGJhcg',
      field: 'cursor',
    },
    {
      what: 'list: a limit too large',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings?limit=101',
      field: 'limit',
    },
    {
      what: 'get: a path id that is no uuid',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/nope',
      field: 'id',
    },
    {
      what: 'get: no such meeting',
      as: 'committee',
      method: 'GET',
      path: `/api/v1/meetings/${A_UUID}`,
      status: 404,
    },
    {
      what: 'minutes: a meeting not yet held',
      as: 'committee',
      method: 'GET',
      path: `/api/v1/meetings/${ids.next}/minutes.docx`,
      status: 409,
    },
    {
      what: 'minutes: a path id that is no uuid',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/nope/minutes.docx',
      field: 'id',
    },
    // update
    {
      what: 'update: no version',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { place: '二楼' },
      field: 'expectedVersion',
    },
    {
      what: 'update: a stale version',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: 99, place: '二楼' },
      status: 409,
    },
    {
      what: 'update: nothing to change',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: v.next, place: '会议室' },
      status: 400,
    },
    {
      what: 'update: an item not on the agenda',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: v.next, removeItemIds: [A_UUID] },
      field: 'removeItemIds.0',
    },
    {
      what: 'update: the last item removed',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: v.next, removeItemIds: [ids.item] },
      field: 'removeItemIds',
    },
    {
      what: 'update: an unknown ticket added',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: v.next, addItems: [{ kind: 'ticket', ticketId: A_UUID }] },
      field: 'addItems.0.ticketId',
    },
    {
      what: 'update: an empty title',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: v.next, title: '' },
      field: 'title',
    },
    {
      what: 'update: a held meeting',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.held}`,
      body: { expectedVersion: 2, place: '二楼' },
      status: 409,
    },
    {
      what: 'update: a version out of range',
      as: 'committee',
      method: 'PATCH',
      path: `/api/v1/meetings/${ids.next}`,
      body: { expectedVersion: 2_147_483_648, place: 'x' },
      field: 'expectedVersion',
    },
    // cancel
    {
      what: 'cancel: no reason',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/cancel`,
      body: { expectedVersion: v.next },
      field: 'reason',
    },
    {
      what: 'cancel: a reason of spaces',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/cancel`,
      body: { expectedVersion: v.next, reason: '   ' },
      field: 'reason',
    },
    {
      what: 'cancel: a held meeting',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.held}/cancel`,
      body: { expectedVersion: 2, reason: '取消' },
      status: 409,
    },
    // record
    {
      what: 'record: no attendance',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ attendance: undefined }),
      field: 'attendance',
    },
    {
      what: 'record: no summary',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ summary: '' }),
      field: 'summary',
    },
    {
      what: 'record: a summary too long',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ summary: '纪'.repeat(5001) }),
      field: 'summary',
    },
    {
      what: 'record: held in the future',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ heldAt: new Date(Date.now() + 86_400_000).toISOString() }),
      field: 'heldAt',
    },
    {
      what: 'record: a name too long',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ attendance: { departmentIds: [], enterpriseIds: [], people: ['名'.repeat(101)] } }),
      field: 'attendance.people',
    },
    {
      what: 'record: an unknown department attended',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ attendance: { departmentIds: ['dep-none'], enterpriseIds: [], people: [] } }),
      field: 'attendance.departmentIds.0',
    },
    {
      what: 'record: a decision without a task',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ task: '' })] }),
      field: 'decisions.0.task',
    },
    {
      what: 'record: zero working days',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ dueWorkingDays: 0 })] }),
      field: 'decisions.0.dueWorkingDays',
    },
    {
      what: 'record: too many working days',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ dueWorkingDays: 3651 })] }),
      field: 'decisions.0.dueWorkingDays',
    },
    {
      what: 'record: half a working day',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ dueWorkingDays: 1.5 })] }),
      field: 'decisions.0.dueWorkingDays',
    },
    {
      what: 'record: an unknown lead',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ leadDepartmentId: 'dep-none' })] }),
      field: 'decisions.0.leadDepartmentId',
    },
    {
      what: 'record: the lead as its own co-handler',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ coHandlerDepartmentIds: [DEP.transport] })] }),
      field: 'decisions.0.coHandlerDepartmentIds.0',
    },
    {
      what: 'record: an item not on the agenda',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision({ itemId: A_UUID })] }),
      field: 'decisions.0.itemId',
    },
    {
      what: 'record: an item decided twice',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.next}/record`,
      body: record({ decisions: [decision(), decision()] }),
      field: 'decisions.1.itemId',
    },
    {
      what: 'record: a held meeting again',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/${ids.held}/record`,
      body: record({ expectedVersion: 2 }),
      status: 409,
    },
    // candidates, stats
    {
      what: 'stats: a day that does not exist',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/stats?from=2026-13-01',
      field: 'from',
    },
    {
      what: 'stats: to before from',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/stats?from=2026-03-02&to=2026-03-01',
      field: 'to',
    },
    {
      what: 'stats: a span over ten years',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/stats?from=2001-01-01&to=2026-03-01',
      field: 'to',
    },
    {
      what: 'candidates: an unknown query field',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/candidates?x=1',
      status: 200,
    },
    // decisions
    {
      what: 'decisions: mine from the committee',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/decisions?mine=true',
      field: 'mine',
    },
    {
      what: 'decisions: mine not a yes/no',
      as: 'depTransport',
      method: 'GET',
      path: '/api/v1/meetings/decisions?mine=maybe',
      field: 'mine',
    },
    {
      what: 'decisions: a flag it does not know',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/decisions?flag=green',
      field: 'flag',
    },
    {
      what: 'decisions: a meeting id that is no uuid',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/decisions?meetingId=x',
      field: 'meetingId',
    },
    {
      what: 'decision: a path id that is no uuid',
      as: 'committee',
      method: 'GET',
      path: '/api/v1/meetings/decisions/nope',
      field: 'id',
    },
    {
      what: 'report: no progress',
      as: 'depTransport',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/reports`,
      body: { expectedVersion: 1, report: '进展' },
      field: 'progress',
    },
    {
      what: 'report: a progress it does not know',
      as: 'depTransport',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/reports`,
      body: { expectedVersion: 1, progress: 'half', report: '进展' },
      field: 'progress',
    },
    {
      what: 'report: a report too long',
      as: 'depTransport',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/reports`,
      body: { expectedVersion: 1, progress: 'in_progress', report: '报'.repeat(2001) },
      field: 'report',
    },
    {
      what: 'report: a report of spaces',
      as: 'depTransport',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/reports`,
      body: { expectedVersion: 1, progress: 'in_progress', report: '  ' },
      field: 'report',
    },
    {
      what: 'report: a stale version',
      as: 'depTransport',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/reports`,
      body: { expectedVersion: 7, progress: 'in_progress', report: '进展' },
      status: 409,
    },
    {
      what: 'close: an outcome it does not know',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/close`,
      body: { expectedVersion: 1, outcome: 'maybe', note: '说明' },
      field: 'outcome',
    },
    {
      what: 'close: no note',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/close`,
      body: { expectedVersion: 1, outcome: 'solved' },
      field: 'note',
    },
    {
      what: 'close: a meeting that is no uuid',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/close`,
      body: { expectedVersion: 1, outcome: 'solved', note: '说明', meetingId: 'x' },
      field: 'meetingId',
    },
    {
      what: 'close: a meeting without it on the agenda',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/close`,
      body: { expectedVersion: 1, outcome: 'solved', note: '说明', meetingId: ids.next },
      field: 'meetingId',
    },
    {
      what: 'close: the meeting that made it',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${ids.decision}/close`,
      body: { expectedVersion: 1, outcome: 'solved', note: '说明', meetingId: ids.held },
      field: 'meetingId',
    },
    {
      what: 'close: no such decision',
      as: 'committee',
      method: 'POST',
      path: `/api/v1/meetings/decisions/${A_UUID}/close`,
      body: { expectedVersion: 1, outcome: 'solved', note: '说明' },
      status: 404,
    },
  ];

  it('answers each with a 4xx problem naming the field, and writes nothing', async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const before = await kit.census();
      const r = await kit.api(c.method, c.path, c.as, c.body, c.headers);
      const after = await kit.census();
      const expected = c.status ?? 400;
      const named = (r.body as Json)?.errors?.map((e: Json) => e.field) ?? [];
      if (r.status !== expected)
        failures.push(`${c.what}: ${r.status} (expected ${expected}) ${JSON.stringify(r.body)}`);
      else if (expected >= 400 && !String(r.headers.get('content-type')).includes('application/problem+json'))
        failures.push(`${c.what}: not problem+json`);
      else if (c.field && !named.includes(c.field))
        failures.push(`${c.what}: fields ${JSON.stringify(named)}, expected ${c.field}`);
      if (JSON.stringify(before) !== JSON.stringify(after))
        failures.push(`${c.what}: wrote ${JSON.stringify(after)}`);
    }
    expect(failures).toEqual([]);
  });

  it('the API document lists every meeting route with its tag, success and error responses', async () => {
    const doc = (await kit.api('GET', '/api/docs-json', null)).body as Json;
    const ops = Object.entries(doc.paths as Record<string, Json>)
      .filter(([p]) => p.startsWith('/api/v1/meetings'))
      .flatMap(([p, methods]) =>
        Object.entries(methods as Record<string, Json>).map(([m, op]) => ({ p, m, op })),
      );
    expect(ops).toHaveLength(13);
    for (const { p, m, op } of ops) {
      const codes = Object.keys(op.responses);
      expect([p, m, op.tags?.[0]?.startsWith('meetings')]).toEqual([p, m, true]);
      expect([p, m, codes.some((c) => c.startsWith('2'))]).toEqual([p, m, true]);
      expect([p, m, codes.some((c) => /^4\d\d$/.test(c))]).toEqual([p, m, true]);
      expect([p, m, codes.includes('401') && codes.includes('403')]).toEqual([p, m, true]);
      expect([p, m, op.summary?.length > 10]).toEqual([p, m, true]);
    }
  });
});
