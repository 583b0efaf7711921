/**
 * The month of an instructor, end to end, in one standalone-like process (outreach, ticket and
 * dispatch on one database, the in-process transport): the committee names a key enterprise's
 * liaisons, drafts the month's task list from the visiting intervals, revises and publishes it; the
 * instructor records visits (one with photos, problems and a need, idempotently); the problems
 * become tickets that dispatch routes to the departments' queues, linked both ways; the departments
 * and the enterprise take them to an outcome; plan against done matches the hand-computed fixture,
 * as JSON and as .xlsx (exceljs, and LibreOffice when installed).
 */
import { Type } from '@nestjs/common';
import { eventually } from '@ticketing/testing';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutreachModule } from '../src/outreach.module';
import {
  beijing,
  DEP,
  ENT,
  JPEG,
  Json,
  OutreachKit,
  serviceModule,
  startOutreachKit,
  USERS,
  UserKey,
  zoneMonth,
} from './outreach-test-kit';

/** Last month: every visit of the fixture is in the past, whatever today is. */
const MONTH = zoneMonth(-1);

/**
 * The fixture, computed by hand. 李指导员 (east grid): the list plans 六枝机械厂 (key), 恒达建材 and
 * 高新电子 (黔味食品, proposed, is struck off); visits 六枝机械厂 twice (2 problems, then none) and
 * 黔味食品 once (1 problem). 王指导员 (west grid): no list; visits 西区新材料 once, no problem.
 * Of the 3 tickets: labour solved and satisfied (solved, rated), transport unsolved and
 * unsatisfied (rated), tax untouched.
 */
const EXPECTED = {
  li: {
    planned: 3,
    visitedPlanned: 1,
    notVisited: 2,
    visitedUnplanned: 1,
    enterprisesVisited: 2,
    visits: 3,
    problems: 3,
    tickets: 3,
    solved: 1,
    rated: 2,
    completionRate: 1 / 3,
  },
  wang: {
    planned: 0,
    visitedPlanned: 0,
    notVisited: 0,
    visitedUnplanned: 1,
    enterprisesVisited: 1,
    visits: 1,
    problems: 0,
    tickets: 0,
    solved: 0,
    rated: 0,
    completionRate: null,
  },
};

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
// CI installs LibreOffice (.ci/run): there a missing soffice must fail the check, not skip it.
const runSofficeCheck = soffice.status === 0 || process.env.CI === 'true';
if (!runSofficeCheck)
  process.stderr.write('[outreach flow] LibreOffice (soffice) is not installed: its check is skipped\n');

describe('an instructor’s month: list → visits → tickets in the departments’ queues → plan against done', () => {
  let kit: OutreachKit;
  let modules: Type<unknown>[];
  beforeAll(async () => {
    modules = [
      await serviceModule('ticket', 'TicketModule'),
      await serviceModule('dispatch', 'DispatchModule'),
      OutreachModule,
    ];
    kit = await startOutreachKit(modules);
  });
  afterAll(async () => {
    await kit?.close();
  });

  const ok = async (
    method: string,
    path: string,
    as: UserKey,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const r = await kit.api(method, path, as, body, headers);
    if (r.status >= 300) throw new Error(`${method} ${path} as ${as}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Json;
  };
  const ticket = (id: string, as: UserKey = 'committee') => ok('GET', `/api/v1/tickets/${id}`, as);
  const act = async (id: string, action: string, as: UserKey, body: Record<string, unknown> = {}) =>
    ok('POST', `/api/v1/tickets/${id}/${action}`, as, {
      expectedVersion: (await ticket(id)).version,
      ...body,
    });
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> => {
    const seen = await eventually(probe, 30_000, 100);
    if (!seen) throw new Error(`${what} never happened`);
    return seen;
  };
  const visitTickets = (visitId: string) =>
    waitFor('the visit’s tickets linked', async () => {
      const v = await ok('GET', `/api/v1/outreach/visits/${visitId}`, 'insLi');
      return v.problems.every((p: Json) => p.ticket) && v;
    });

  let visitJx: string;
  let visitSp: string;

  it('the committee names 六枝机械厂’s liaisons and marks it a key enterprise; everyone with a stake sees who to call', async () => {
    const set = await ok('PUT', `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`, 'committee', {
      expectedVersion: 0,
      keyEnterprise: true,
      instructorUserIds: [USERS.insLi.id],
      leader: { name: '张书记', title: '综合党委书记', phone: '13800138000', userId: USERS.committee.id },
      department: { departmentId: DEP.hrss, contactName: '人社局 李科长', contactPhone: '0851-3312345' },
    });
    expect(set).toEqual({ enterpriseId: ENT.jx, version: 1, changed: true });
    const file = await ok('GET', `/api/v1/outreach/enterprises/${ENT.jx}/liaisons`, 'entJx');
    expect(file).toMatchObject({
      enterpriseName: '六枝机械厂',
      gridName: '东区网格',
      keyEnterprise: true,
      instructors: [{ id: USERS.insLi.id, name: '李指导员' }],
      leader: { name: '张书记' },
      department: { id: DEP.hrss, name: '人社局', contactName: '人社局 李科长' },
      version: 1,
    });
  });

  let listId: string;
  it('drafts 李指导员’s list from the visiting intervals, revises it, publishes it; the revision is published again', async () => {
    const draft = await ok('POST', '/api/v1/outreach/task-lists', 'committee', {
      instructorUserId: USERS.insLi.id,
      month: MONTH,
    });
    listId = draft.id;
    // Key enterprise first, then the east grid's others by name; never visited, all are due.
    expect(draft.items.map((i: Json) => [i.enterpriseName, i.reason])).toEqual([
      ['六枝机械厂', 'key_enterprise'],
      ...['恒达建材', '高新电子', '黔味食品']
        .sort((a, b) => a.localeCompare(b, 'zh'))
        .map((name) => [name, 'due']),
    ]);
    // The instructor does not see a draft.
    expect((await kit.api('GET', `/api/v1/outreach/task-lists/${listId}`, 'insLi')).status).toBe(404);
    const published = await ok('POST', `/api/v1/outreach/task-lists/${listId}/publish`, 'committee', {
      expectedVersion: draft.version,
    });
    expect(published).toMatchObject({ status: 'published', revision: 1 });
    const revised = await ok('PUT', `/api/v1/outreach/task-lists/${listId}/items`, 'committee', {
      expectedVersion: published.version,
      items: [
        { enterpriseId: ENT.jx, topics: [{ kind: 'policy', text: '讲解稳岗补贴申领' }] },
        { enterpriseId: ENT.jc, topics: [] },
        { enterpriseId: ENT.dz, topics: [{ kind: 'follow_up', text: '跟进上月用电问题' }] },
      ],
    });
    expect(revised).toMatchObject({ status: 'published', revision: 2 });
    expect(revised.items.map((i: Json) => [i.enterpriseId, i.reason])).toEqual([
      [ENT.jx, 'key_enterprise'],
      [ENT.jc, 'due'],
      [ENT.dz, 'due'],
    ]);
    const mine = await ok('GET', `/api/v1/outreach/task-lists?month=${MONTH}`, 'insLi');
    expect(mine.items).toEqual([expect.objectContaining({ id: listId, revision: 2 })]);
    const { rows } = await kit.pg.query(
      `SELECT envelope FROM outreach.outbox WHERE type = 'outreach.task-list-published' AND key = $1 ORDER BY seq`,
      [listId],
    );
    expect(rows.map((r) => [r.envelope.payload.revision, r.envelope.payload.plannedCount])).toEqual([
      [1, 4],
      [2, 3],
    ]);
  });

  it('a visit typed offline is sent twice with one Idempotency-Key: one visit, its problems become tickets in the routed departments’ queues', async () => {
    const photo = await kit.upload('insLi', JPEG, '车间现场.jpg', 'image/jpeg');
    expect(photo.status).toBe(201);
    const body = {
      enterpriseId: ENT.jx,
      visitedAt: beijing(MONTH, 3),
      mode: 'on_site',
      companions: ['王书记'],
      topics: ['稳岗补贴政策', '技改贷款'],
      findings: '新生产线投产，焊工缺口约 20 人；厂门口道路破损影响货车进出。',
      photoIds: [photo.body.id],
      problems: [
        {
          title: '急需 20 名焊工',
          description: '新生产线投产，焊工缺口约 20 人，希望协助组织招聘。',
          category: 'labour',
          contact: { name: '王经理', phone: '13800138000' },
          photoIds: [photo.body.id],
        },
        {
          title: '厂门口道路破损',
          description: '厂区大门外道路破损，货车进出困难。',
          category: 'transport',
          urgency: 'urgent',
          location: '厂区大门',
          contact: { name: '王经理', phone: '13800138000' },
        },
      ],
      needs: [
        { kind: 'financing', title: '技改贷款 500 万', description: '新生产线技改，需要银行贷款对接。' },
      ],
    };
    const headers = { 'idempotency-key': `visit-${MONTH}-jx-1` };
    const first = await ok('POST', '/api/v1/outreach/visits', 'insLi', body, headers);
    const again = await ok('POST', '/api/v1/outreach/visits', 'insLi', body, headers);
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      month: MONTH,
      planned: true,
      taskListId: listId,
      problemCount: 2,
      needIds: [expect.any(String)],
    });
    visitJx = first.id;
    expect((await kit.pg.query(`SELECT count(*)::int AS n FROM outreach.visits`)).rows[0].n).toBe(1);

    const visit = await visitTickets(visitJx);
    const [labour, transport] = visit.problems.map((p: Json) => p.ticket);
    expect(labour.number).toMatch(/^CS-\d{4}-\d{6}$/);

    // Linked both ways: the ticket shows its visit (来自走访) and the instructor as submitter, for the enterprise.
    const t = await ticket(labour.id, 'entJx');
    expect(t).toMatchObject({
      channel: 'visit',
      visitId: visitJx,
      enterpriseId: ENT.jx,
      submittedBy: { id: USERS.insLi.id, role: 'instructor' },
      title: '急需 20 名焊工',
    });
    expect(t.attachments).toEqual([
      expect.objectContaining({ fileName: '车间现场.jpg', sha256: photo.body.sha256 }),
    ]);

    // Dispatch routes them like any whistle: each reaches its lead department's queue.
    const inQueue = (as: UserKey, id: string) =>
      waitFor(`${id} in ${as}’s queue`, async () => {
        const q = await ok('GET', '/api/v1/tickets?limit=50', as);
        return q.items.find((i: Json) => i.id === id && i.status === 'assigned');
      });
    expect(await inQueue('depHrss', labour.id)).toMatchObject({ channel: 'visit', visitId: visitJx });
    expect(await inQueue('depTransport', transport.id)).toMatchObject({ channel: 'visit', visitId: visitJx });
    expect((await ticket(labour.id)).leadDepartment).toEqual({ id: DEP.hrss, name: '人社局' });
    // Another department never sees them.
    expect((await kit.api('GET', `/api/v1/tickets/${labour.id}`, 'depTax')).status).toBe(404);

    const linked = await kit.pg.query(
      `SELECT envelope FROM outreach.outbox WHERE type = 'outreach.visit-linked' AND key = $1 ORDER BY seq`,
      [visitJx],
    );
    expect(linked.rows.map((r) => r.envelope.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          problemIndex: 0,
          ticketId: labour.id,
          instructorUserId: USERS.insLi.id,
          month: MONTH,
        }),
        expect.objectContaining({ problemIndex: 1, ticketId: transport.id }),
      ]),
    );

    // The need went on the 需求清单 with the visit, and the enterprise sees it; its visit without the notes.
    const needs = await ok('GET', `/api/v1/outreach/needs?enterpriseId=${ENT.jx}`, 'entJx');
    expect(needs.items).toEqual([
      expect.objectContaining({ kind: 'financing', visitId: visitJx, status: 'open' }),
    ]);
    const asEnterprise = await ok('GET', `/api/v1/outreach/visits/${visitJx}`, 'entJx');
    expect(asEnterprise).toMatchObject({ findings: null, photos: [] });
    expect(asEnterprise.problems[0].ticket).toMatchObject({ id: labour.id, number: labour.number });
  });

  it('records the rest of the month: a second visit to 六枝机械厂, one to 黔味食品 (not planned), 王指导员’s visit; and a day’s other work', async () => {
    await ok('POST', '/api/v1/outreach/visits', 'insLi', {
      enterpriseId: ENT.jx,
      visitedAt: beijing(MONTH, 20),
      mode: 'phone',
      topics: ['回访用工问题进展'],
    });
    const sp = await ok('POST', '/api/v1/outreach/visits', 'insLi', {
      enterpriseId: ENT.sp,
      visitedAt: beijing(MONTH, 12),
      mode: 'online',
      problems: [
        {
          title: '增值税留抵退税咨询',
          description: '想了解留抵退税的申请条件和流程。',
          category: 'tax',
          contact: { name: '赵会计', phone: '13900139000' },
        },
      ],
    });
    expect(sp).toMatchObject({ planned: false, taskListId: null });
    visitSp = sp.id;
    const west = await ok('POST', '/api/v1/outreach/visits', 'insWang', {
      enterpriseId: ENT.xx,
      visitedAt: beijing(MONTH, 10),
      mode: 'on_site',
    });
    expect(west).toMatchObject({ planned: false });
    await ok('POST', '/api/v1/outreach/work-log', 'insLi', {
      day: beijing(MONTH, 12).slice(0, 10),
      kind: 'activity',
      title: '组织园区党建联建活动',
      content: '三家企业参加',
      hours: 2.5,
    });
    const from = `${MONTH}-01`;
    const log = await ok('GET', `/api/v1/outreach/work-log?from=${from}&to=${MONTH}-28`, 'insLi');
    expect(log.items.map((l: Json) => l.kind).sort()).toEqual(['activity', 'visit', 'visit', 'visit']);
    await visitTickets(visitSp);
  });

  it('the departments take the tickets to an outcome; the enterprise rates two of them', async () => {
    const jx = await visitTickets(visitJx);
    const [labour, transport] = jx.problems.map((p: Json) => p.ticket.id);
    // 用工: 人社局 leads, 工信局 co-handles; solved, satisfied (closes).
    await act(labour, 'acknowledge', 'depHrss');
    await act(labour, 'report-part', 'depMiit', { content: '工信局已推送企业用工信息' });
    await act(labour, 'resolve', 'depHrss', { result: '已组织专场招聘会，招到 18 人' });
    await act(labour, 'reply', 'depHrss', { message: '专场招聘会已举办，请确认' });
    await act(labour, 'feedback', 'entJx', { contacted: true, solved: true, satisfaction: 'satisfied' });
    // 交通: 交通运输局 leads, 城管局 co-handles; the enterprise says not solved.
    await act(transport, 'acknowledge', 'depTransport');
    await act(transport, 'report-part', 'depUrban', { content: '城管局已设置临时通行标志' });
    await act(transport, 'resolve', 'depTransport', { result: '已列入下季度道路修缮计划' });
    await act(transport, 'reply', 'depTransport', { message: '已列入修缮计划' });
    await act(transport, 'feedback', 'entJx', {
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied',
    });

    await waitFor('outcomes reach outreach', async () => {
      const v = await ok('GET', `/api/v1/outreach/visits/${visitJx}`, 'committee');
      return v.problems[0].ticket.solved === true && v.problems[1].ticket.satisfaction === 'unsatisfied' && v;
    });
  });

  it('plan against done matches the hand-computed fixture, for the instructor and for the committee', async () => {
    const own = await ok('GET', `/api/v1/outreach/plan-vs-done?month=${MONTH}`, 'insLi');
    expect(own.instructors).toEqual([
      expect.objectContaining({ instructorUserId: USERS.insLi.id, ...EXPECTED.li }),
    ]);
    const li = own.instructors[0];
    // In the list's order, then the unplanned.
    expect(li.enterprises.map((e: Json) => [e.enterpriseId, e.planned, e.visits, e.problems])).toEqual([
      [ENT.jx, true, 2, 2],
      [ENT.jc, true, 0, 0],
      [ENT.dz, true, 0, 0],
      [ENT.sp, false, 1, 1],
    ]);
    expect(li.enterprises[0].lastVisitedAt).toBe(beijing(MONTH, 20));

    const all = await ok('GET', `/api/v1/outreach/plan-vs-done?month=${MONTH}`, 'committee');
    const byId = Object.fromEntries(all.instructors.map((r: Json) => [r.instructorUserId, r]));
    expect(byId[USERS.insLi.id]).toMatchObject(EXPECTED.li);
    expect(byId[USERS.insWang.id]).toMatchObject({ instructorName: '王指导员', ...EXPECTED.wang });
    expect(Object.keys(byId).sort()).toEqual([USERS.insLi.id, USERS.insWang.id].sort());
  });

  it('the .xlsx holds the same figures, Chinese intact (exceljs)', async () => {
    const r = await kit.api('GET', `/api/v1/outreach/plan-vs-done.xlsx?month=${MONTH}`, 'committee');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(r.headers.get('content-disposition')!)).toContain(`走访对比_${MONTH}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.raw as unknown as ArrayBuffer);
    const summary = book.getWorksheet('对比汇总')!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      '指导员',
      '月份',
      '计划走访企业',
      '已走访（计划内）',
      '未走访',
      '计划外走访',
      '走访企业数',
      '走访次数',
      '收集问题',
      '已转诉求',
      '已解决',
      '已评价',
      '完成率',
    ]);
    const rows = [2, 3].map((n) => summary.getRow(n).values as unknown[]);
    const li = rows.find((row) => row[1] === '李指导员')!;
    expect(li).toEqual([undefined, '李指导员', MONTH, 3, 1, 2, 1, 2, 3, 3, 3, 1, 2, '33.3%']);
    const wang = rows.find((row) => row[1] === '王指导员')!;
    expect(wang).toEqual([undefined, '王指导员', MONTH, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, '—']);
    const detail = book.getWorksheet('企业明细')!;
    expect(detail.rowCount).toBe(1 + 4 + 1);
    expect(detail.getRow(2).values).toEqual([
      undefined,
      '李指导员',
      '六枝机械厂',
      '是',
      2,
      `${MONTH}-20 10:00`,
      2,
    ]);
  });

  (runSofficeCheck ? it : it.skip)(
    'the .xlsx opens in LibreOffice (headless, to CSV) with the Chinese intact',
    async () => {
      const r = await kit.api('GET', `/api/v1/outreach/plan-vs-done.xlsx?month=${MONTH}`, 'committee');
      const dir = mkdtempSync(join(tmpdir(), 'outreach-xlsx-'));
      try {
        writeFileSync(join(dir, 'plan.xlsx'), r.raw);
        // 76 = UTF-8; a private profile so that a running LibreOffice elsewhere does not interfere.
        const conv = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76',
            '--outdir',
            dir,
            join(dir, 'plan.xlsx'),
          ],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect(conv.status).toBe(0);
        const csv = readFileSync(
          join(
            dir,
            readdirSync(dir).find((f) => f.endsWith('.csv'))!,
          ),
          'utf8',
        ).replace(/^\uFEFF/, '');
        const lines = csv.trim().split(/\r?\n/);
        expect(lines[0]).toBe(
          '指导员,月份,计划走访企业,已走访（计划内）,未走访,计划外走访,走访企业数,走访次数,收集问题,已转诉求,已解决,已评价,完成率',
        );
        expect(lines).toContain(`李指导员,${MONTH},3,1,2,1,2,3,3,3,1,2,33.3%`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('the history and the outbox hold every change, one topic for outreach', async () => {
    const { rows } = await kit.pg.query(
      `SELECT type, count(*)::int AS n FROM outreach.outbox WHERE topic = 'ticketing.outreach.v1' GROUP BY type ORDER BY type`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.type, r.n]))).toEqual({
      'outreach.liaisons-set': 1,
      'outreach.need-added': 1,
      'outreach.task-list-published': 2,
      'outreach.visit-linked': 3,
      'outreach.visit-recorded': 4,
      'outreach.work-logged': 1,
    });
    const history = await kit.pg.query(`SELECT count(*)::int AS n FROM outreach.history`);
    expect(history.rows[0].n).toBe(12);
    await expect(kit.pg.query(`DELETE FROM outreach.history`)).rejects.toThrow(/append-only/);
  });
});
