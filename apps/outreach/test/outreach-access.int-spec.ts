/**
 * The authorisation matrix: every endpoint of /api/v1/outreach × every role × ownership (one's
 * own record, another's), plus no token. A record the caller may not see is a 404, an endpoint
 * their role may not call a 403, no token a 401; lists show only what is theirs.
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

type Caller = UserKey | 'anonymous';
const CALLERS: Caller[] = [
  'anonymous',
  'entJx',
  'entXx',
  'insLi',
  'insWang',
  'depHrss',
  'depTax',
  'committee',
  'admin',
];

interface Call {
  method: string;
  path: string;
  body?: unknown;
}

const MONTH = zoneMonth(0);
const recent = () => new Date(Date.now() - 3600_000).toISOString();

describe('outreach authorisation matrix', () => {
  let kit: OutreachKit;
  const ids: Record<string, string> = {};
  /** Months not yet used by each instructor's lists (the current one is taken in the setup). */
  const nextMonth = { li: 1, wang: 1 };

  const as = async (who: Caller, c: Call) =>
    kit.api(c.method, c.path, who === 'anonymous' ? null : who, c.body);
  const must = async (who: UserKey, c: Call, status = 200) => {
    const r = await as(who, c);
    if (r.status !== status)
      throw new Error(`${c.method} ${c.path} as ${who}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Json;
  };
  const version = async (path: string) =>
    (await must('committee', { method: 'GET', path })).version as number;

  /** Runs `call(who)` for every caller and compares the statuses with the expected map in one diff. */
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

  beforeAll(async () => {
    kit = await startOutreachKit();
    await must('committee', {
      method: 'PUT',
      path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`,
      body: { keyEnterprise: true, instructorUserIds: [USERS.insLi.id] },
    });
    const listLi = await must(
      'committee',
      {
        method: 'POST',
        path: '/api/v1/outreach/task-lists',
        body: { instructorUserId: USERS.insLi.id, month: MONTH },
      },
      201,
    );
    await must('committee', {
      method: 'POST',
      path: `/api/v1/outreach/task-lists/${listLi.id}/publish`,
      body: { expectedVersion: listLi.version },
    });
    ids.listLi = listLi.id;
    ids.draftWang = (
      await must(
        'committee',
        {
          method: 'POST',
          path: '/api/v1/outreach/task-lists',
          body: { instructorUserId: USERS.insWang.id, month: MONTH },
        },
        201,
      )
    ).id;
    const photo = await kit.upload('insLi', JPEG, '现场.jpg', 'image/jpeg');
    ids.photo = photo.body.id;
    ids.loosePhoto = (await kit.upload('insLi', JPEG, '未用.jpg', 'image/jpeg')).body.id;
    const visitLi = await must(
      'insLi',
      {
        method: 'POST',
        path: '/api/v1/outreach/visits',
        body: {
          enterpriseId: ENT.jx,
          visitedAt: recent(),
          mode: 'on_site',
          findings: '内部记录',
          photoIds: [ids.photo],
          needs: [{ kind: 'hiring', title: '招焊工', description: '20 人' }],
        },
      },
      201,
    );
    ids.visitLi = visitLi.id;
    ids.needJx = visitLi.needIds[0];
    ids.visitWang = (
      await must(
        'insWang',
        {
          method: 'POST',
          path: '/api/v1/outreach/visits',
          body: { enterpriseId: ENT.xx, visitedAt: recent(), mode: 'phone' },
        },
        201,
      )
    ).id;
    ids.needXx = (
      await must(
        'entXx',
        {
          method: 'POST',
          path: '/api/v1/outreach/needs',
          body: { kind: 'matching', title: '找上游供应商', description: '铝材' },
        },
        201,
      )
    ).id;
    ids.needRouted = (
      await must(
        'committee',
        {
          method: 'POST',
          path: '/api/v1/outreach/needs',
          body: {
            enterpriseId: ENT.jc,
            kind: 'project_application',
            title: '技改项目申报',
            description: '省级技改',
            ownerDepartmentId: DEP.hrss,
          },
        },
        201,
      )
    ).id;
    await must(
      'insLi',
      {
        method: 'POST',
        path: '/api/v1/outreach/work-log',
        body: {
          day: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          kind: 'meeting',
          title: '网格例会',
        },
      },
      201,
    );
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('GET /enterprises: everyone, each seeing their own scope', async () => {
    await matrix(async () => ({ method: 'GET', path: '/api/v1/outreach/enterprises' }), all(200));
    const count = async (who: UserKey) =>
      (await must(who, { method: 'GET', path: '/api/v1/outreach/enterprises' })).items.length;
    expect(await count('entJx')).toBe(1);
    expect(await count('insLi')).toBe(4);
    expect(await count('insWang')).toBe(1);
    expect(await count('depTax')).toBe(5);
    expect(await count('committee')).toBe(5);
  });

  it('GET /enterprises/:id/liaisons: an enterprise its own, an instructor their grid’s, departments and the committee any', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/enterprises/${ENT.jx}/liaisons` }),
      all(200, { entXx: 404, insWang: 404 }),
    );
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/enterprises/${ENT.xx}/liaisons` }),
      all(200, { entJx: 404, insLi: 404 }),
    );
  });

  it('PUT /enterprises/:id/liaisons: the committee and admin only', async () => {
    await matrix(
      async () => ({
        method: 'PUT',
        path: `/api/v1/outreach/enterprises/${ENT.dz}/liaisons`,
        body: { keyEnterprise: false, instructorUserIds: [] },
      }),
      all(403, { committee: 200, admin: 200 }),
    );
  });

  it('GET /task-lists: the committee all (drafts too), an instructor their own published lists', async () => {
    await matrix(
      async () => ({ method: 'GET', path: '/api/v1/outreach/task-lists' }),
      all(403, { insLi: 200, insWang: 200, committee: 200, admin: 200 }),
    );
    const seen = async (who: UserKey) =>
      (await must(who, { method: 'GET', path: '/api/v1/outreach/task-lists' })).items.map((l: Json) => l.id);
    expect(await seen('insLi')).toEqual([ids.listLi]);
    expect(await seen('insWang')).toEqual([]);
    expect((await seen('committee')).sort()).toEqual([ids.listLi, ids.draftWang].sort());
    expect(
      (await kit.api('GET', `/api/v1/outreach/task-lists?instructorUserId=${USERS.insWang.id}`, 'insLi'))
        .status,
    ).toBe(404);
  });

  it('POST /task-lists: the committee and admin only', async () => {
    await matrix(
      async () => ({
        method: 'POST',
        path: '/api/v1/outreach/task-lists',
        body: { instructorUserId: USERS.insLi.id, month: zoneMonth(nextMonth.li++) },
      }),
      all(403, { committee: 201, admin: 201 }),
    );
  });

  it('GET /task-lists/:id: the owner once published, never another instructor nor a draft', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/task-lists/${ids.listLi}` }),
      all(403, { insLi: 200, insWang: 404, committee: 200, admin: 200 }),
    );
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/task-lists/${ids.draftWang}` }),
      all(403, { insLi: 404, insWang: 404, committee: 200, admin: 200 }),
    );
  });

  it('PUT /task-lists/:id/items and POST /task-lists/:id/publish: the committee and admin only', async () => {
    await matrix(
      async () => ({
        method: 'PUT',
        path: `/api/v1/outreach/task-lists/${ids.draftWang}/items`,
        body: {
          expectedVersion: await version(`/api/v1/outreach/task-lists/${ids.draftWang}`),
          items: [{ enterpriseId: ENT.xx, topics: [] }],
        },
      }),
      all(403, { committee: 200, admin: 200 }),
    );
    await matrix(
      async () => {
        // A fresh draft for every caller: the committee and admin each publish their own once.
        const draft = await must(
          'committee',
          {
            method: 'POST',
            path: '/api/v1/outreach/task-lists',
            body: { instructorUserId: USERS.insWang.id, month: zoneMonth(nextMonth.wang++) },
          },
          201,
        );
        return {
          method: 'POST',
          path: `/api/v1/outreach/task-lists/${draft.id}/publish`,
          body: { expectedVersion: draft.version },
        };
      },
      all(403, { committee: 200, admin: 200 }),
    );
  });

  it('POST /visits/photos: instructors only', async () => {
    const statuses: Record<string, number> = {};
    for (const who of CALLERS) {
      if (who === 'anonymous') {
        const form = new FormData();
        form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'x.jpg');
        statuses[who] = (
          await fetch(`${kit.running.url}/api/v1/outreach/visits/photos`, { method: 'POST', body: form })
        ).status;
      } else statuses[who] = (await kit.upload(who, JPEG, 'x.jpg', 'image/jpeg')).status;
    }
    expect(statuses).toEqual(all(403, { insLi: 201, insWang: 201 }));
  });

  it('GET /visits/photos/:id: who sees the visit’s notes, or the uploader before a visit holds it', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/visits/photos/${ids.photo}` }),
      all(403, { insLi: 200, insWang: 404, committee: 200, admin: 200 }),
    );
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/visits/photos/${ids.loosePhoto}` }),
      all(403, { insLi: 200, insWang: 404, committee: 404, admin: 404 }),
    );
  });

  it('GET /visits: an instructor their own, an enterprise its own, the committee all; departments not at all', async () => {
    await matrix(
      async () => ({ method: 'GET', path: '/api/v1/outreach/visits' }),
      all(200, { depHrss: 403, depTax: 403 }),
    );
    const seen = async (who: UserKey) =>
      (await must(who, { method: 'GET', path: '/api/v1/outreach/visits' })).items.map((v: Json) => v.id);
    expect(await seen('insLi')).toEqual([ids.visitLi]);
    expect(await seen('insWang')).toEqual([ids.visitWang]);
    expect(await seen('entJx')).toEqual([ids.visitLi]);
    expect(await seen('entXx')).toEqual([ids.visitWang]);
    expect((await seen('committee')).sort()).toEqual([ids.visitLi, ids.visitWang].sort());
  });

  it('POST /visits: an instructor, for an enterprise of their grids only', async () => {
    await matrix(
      async () => ({
        method: 'POST',
        path: '/api/v1/outreach/visits',
        body: { enterpriseId: ENT.jc, visitedAt: recent(), mode: 'phone' },
      }),
      all(403, { insLi: 201, insWang: 404 }),
    );
  });

  it('GET /visits/:id: the instructor who recorded it, the enterprise visited (without notes), the committee', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/visits/${ids.visitLi}` }),
      all(200, { entXx: 404, insWang: 404, depHrss: 403, depTax: 403 }),
    );
    const mine = await must('insLi', { method: 'GET', path: `/api/v1/outreach/visits/${ids.visitLi}` });
    const theirs = await must('entJx', { method: 'GET', path: `/api/v1/outreach/visits/${ids.visitLi}` });
    expect([mine.findings, mine.photos.length]).toEqual(['内部记录', 1]);
    expect([theirs.findings, theirs.photos]).toEqual([null, []]);
  });

  it('GET /needs: an enterprise its own, an instructor their grids’, a department those routed to it, the committee all', async () => {
    await matrix(async () => ({ method: 'GET', path: '/api/v1/outreach/needs' }), all(200));
    const seen = async (who: UserKey) =>
      (await must(who, { method: 'GET', path: '/api/v1/outreach/needs' })).items
        .map((n: Json) => n.id)
        .sort();
    expect(await seen('entJx')).toEqual([ids.needJx]);
    expect(await seen('entXx')).toEqual([ids.needXx]);
    expect(await seen('insLi')).toEqual([ids.needJx, ids.needRouted].sort());
    expect(await seen('insWang')).toEqual([ids.needXx]);
    expect(await seen('depHrss')).toEqual([ids.needRouted]);
    expect(await seen('depTax')).toEqual([]);
    expect(await seen('committee')).toEqual([ids.needJx, ids.needXx, ids.needRouted].sort());
  });

  it('POST /needs: an enterprise for itself, an instructor for their grids, the committee for any; departments not', async () => {
    await matrix(
      async (who) => ({
        method: 'POST',
        path: '/api/v1/outreach/needs',
        body: {
          ...(who.startsWith('ent') ? {} : { enterpriseId: ENT.jx }),
          kind: 'other',
          title: '对接需求',
          description: '说明',
        },
      }),
      all(201, { insWang: 404, depHrss: 403, depTax: 403 }),
    );
    await matrix(
      async () => ({
        method: 'POST',
        path: '/api/v1/outreach/needs',
        body: { enterpriseId: ENT.xx, kind: 'other', title: '对接', description: '说明' },
      }),
      all(201, { entJx: 404, insLi: 404, depHrss: 403, depTax: 403 }),
    );
  });

  it('GET /needs/:id and PATCH /needs/:id: who sees it may note progress; another’s is a 404', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/needs/${ids.needRouted}` }),
      all(404, { insLi: 200, depHrss: 200, committee: 200, admin: 200 }),
    );
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/needs/${ids.needJx}` }),
      all(404, { entJx: 200, insLi: 200, committee: 200, admin: 200 }),
    );
    const note = async (needId: string) => ({
      method: 'PATCH',
      path: `/api/v1/outreach/needs/${needId}`,
      body: { expectedVersion: await version(`/api/v1/outreach/needs/${needId}`), note: '已电话跟进' },
    });
    await matrix(
      () => note(ids.needRouted),
      all(404, { insLi: 200, depHrss: 200, committee: 200, admin: 200 }),
    );
    await matrix(() => note(ids.needJx), all(404, { entJx: 200, insLi: 200, committee: 200, admin: 200 }));
    // Seen but not theirs to do: an enterprise only closes its own; only the committee routes.
    const v = await version(`/api/v1/outreach/needs/${ids.needJx}`);
    expect(
      (
        await kit.api('PATCH', `/api/v1/outreach/needs/${ids.needJx}`, 'entJx', {
          expectedVersion: v,
          status: 'met',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await kit.api('PATCH', `/api/v1/outreach/needs/${ids.needJx}`, 'insLi', {
          expectedVersion: v,
          ownerDepartmentId: DEP.tax,
        })
      ).status,
    ).toBe(403);
  });

  it('GET /work-log and POST /work-log: an instructor’s own; the committee reads anyone’s', async () => {
    await matrix(
      async () => ({ method: 'GET', path: `/api/v1/outreach/work-log?from=${MONTH}-01&to=${MONTH}-28` }),
      all(403, { insLi: 200, insWang: 200, committee: 200, admin: 200 }),
    );
    await matrix(
      async () => ({
        method: 'GET',
        path: `/api/v1/outreach/work-log?from=${MONTH}-01&to=${MONTH}-28&instructorUserId=${USERS.insLi.id}`,
      }),
      all(403, { insLi: 200, insWang: 404, committee: 200, admin: 200 }),
    );
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await matrix(
      async () => ({
        method: 'POST',
        path: '/api/v1/outreach/work-log',
        body: { day: today, kind: 'other', title: '整理台账' },
      }),
      all(403, { insLi: 201, insWang: 201 }),
    );
  });

  it('GET /plan-vs-done and its .xlsx: an instructor their own, the committee anyone’s', async () => {
    for (const path of ['/api/v1/outreach/plan-vs-done', '/api/v1/outreach/plan-vs-done.xlsx']) {
      await matrix(
        async () => ({ method: 'GET', path: `${path}?month=${MONTH}` }),
        all(403, { insLi: 200, insWang: 200, committee: 200, admin: 200 }),
      );
      await matrix(
        async () => ({ method: 'GET', path: `${path}?month=${MONTH}&instructorUserId=${USERS.insLi.id}` }),
        all(403, { insLi: 200, insWang: 404, committee: 200, admin: 200 }),
      );
    }
    const own = await must('insWang', {
      method: 'GET',
      path: `/api/v1/outreach/plan-vs-done?month=${MONTH}`,
    });
    expect(own.instructors.map((r: Json) => r.instructorUserId)).toEqual([USERS.insWang.id]);
  });
});
