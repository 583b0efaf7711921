/**
 * A joint meeting's cycle, end to end on real PostgreSQL (the meeting service alone, its events
 * published and read as the other services would): a ticket the SLA ladder sent to the joint
 * meeting becomes an agenda candidate → a meeting is scheduled from it with a hand-added topic →
 * recorded with two decisions, whose events carry what the SLA engine needs → the clock's deadline
 * and flag reach the department's queue → the lead reports one done → the next meeting takes both
 * as follow-ups and the committee closes them there → the counts; and the minutes as a .docx that
 * LibreOffice opens with the Chinese intact.
 */
import { newId, SlaEvents, Topics } from '@ticketing/contracts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEP, ENT, Json, MeetingKit, startMeetingKit, UserKey } from './meeting-test-kit';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const writer = spawnSync('sh', ['-c', 'ls /usr/lib/libreoffice/program/libswlo.so'], { encoding: 'utf8' });
// CI installs LibreOffice Writer (.ci/run): there a missing soffice must fail the check, not skip it.
const runSofficeCheck = (soffice.status === 0 && writer.status === 0) || process.env.CI === 'true';
if (!runSofficeCheck)
  process.stderr.write(
    '[meeting flow] LibreOffice Writer (soffice) is not installed: its check is skipped\n',
  );

const ROAD = '0190f1f0-0000-7000-8000-00000000a001';
const OTHER = '0190f1f0-0000-7000-8000-00000000a002';
const NEED = '0190f1f0-0000-7000-8000-00000000a003';
/** Yesterday, 14:30 Beijing time: the meeting took place. */
const HELD = new Date(
  Date.parse(`${new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10)}T14:30:00+08:00`),
);

describe('a joint meeting: escalated ticket → agenda → decisions → their clocks → follow-up at the next meeting → counts, minutes', () => {
  let kit: MeetingKit;
  beforeAll(async () => {
    kit = await startMeetingKit();
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

  const ids: Record<string, string> = {};

  it('an escalated ticket (sla.escalated joint_meeting) is an agenda candidate with its number, title, enterprise and lead', async () => {
    await kit.ticket({
      id: ROAD,
      number: 'CS-2026-000101',
      title: '厂区门口道路破损严重',
      enterpriseId: ENT.jx,
      enterpriseName: '六枝机械厂',
      lead: DEP.transport,
      co: [DEP.urban],
    });
    await kit.ticket({
      id: OTHER,
      number: 'CS-2026-000102',
      title: '招工难',
      enterpriseId: ENT.xx,
      enterpriseName: '西区新材料',
      lead: DEP.hrss,
    });
    await kit.publish(Topics.Outreach, 'outreach.need-added', NEED, {
      needId: NEED,
      enterpriseId: ENT.xx,
      enterpriseName: '西区新材料',
      gridId: 'grid-west',
      kind: 'matching',
      title: '寻找铝材上游供应商',
      description: '每月 200 吨',
      status: 'open',
      ownerDepartmentId: null,
      ownerUserId: null,
      ticketId: null,
      visitId: null,
      instructorUserId: null,
    });
    await kit.escalate(ROAD);
    await kit.escalate(ROAD); // a redelivered or repeated step keeps one candidate
    const c = await ok('GET', '/api/v1/meetings/candidates', 'committee');
    expect(c.tickets).toEqual([
      expect.objectContaining({
        ticketId: ROAD,
        number: 'CS-2026-000101',
        title: '厂区门口道路破损严重',
        enterprise: { id: ENT.jx, name: '六枝机械厂' },
        leadDepartment: { id: DEP.transport, name: '交通运输局' },
        coHandlerDepartments: [{ id: DEP.urban, name: '城管局' }],
        reason: 'escalation',
      }),
    ]);
    expect(c.followUps).toEqual([]);
  });

  it('the committee schedules a meeting from it with a topic by hand: its departments and enterprise are invited', async () => {
    const r = await kit.api(
      'POST',
      '/api/v1/meetings',
      'committee',
      {
        title: '第一次党政企联席会议',
        startsAt: HELD.toISOString(),
        place: '开发区管委会三楼会议室',
        items: [
          { kind: 'ticket', ticketId: ROAD },
          { kind: 'topic', title: '园区企业用工对接', departmentIds: [DEP.hrss], enterpriseId: ENT.xx },
        ],
      },
      { 'Idempotency-Key': 'first-meeting' },
    );
    expect(r.status).toBe(201);
    ids.m1 = r.body.id;
    // A retried request with its key answers the same meeting and writes nothing.
    const before = await kit.census();
    const again = await kit.api(
      'POST',
      '/api/v1/meetings',
      'committee',
      { title: 'x', startsAt: HELD.toISOString(), place: 'y', items: [{ kind: 'topic', title: 'z' }] },
      { 'Idempotency-Key': 'first-meeting' },
    );
    expect(again.body.id).toBe(ids.m1);
    expect(await kit.census()).toEqual(before);

    const m = await ok('GET', `/api/v1/meetings/${ids.m1}`, 'committee');
    expect(m).toMatchObject({
      status: 'scheduled',
      convenor: { id: 'u-com', name: '张书记' },
      agenda: [
        {
          kind: 'ticket',
          source: 'escalation',
          title: '厂区门口道路破损严重',
          ticket: { id: ROAD, number: 'CS-2026-000101' },
        },
        {
          kind: 'topic',
          source: 'manual',
          title: '园区企业用工对接',
          enterprise: { id: ENT.xx, name: '西区新材料' },
        },
      ],
    });
    expect(m.invitedDepartments.map((d: Json) => d.name).sort()).toEqual(
      ['交通运输局', '人社局', '城管局'].sort(),
    );
    expect(m.invitedEnterprises.map((e: Json) => e.name).sort()).toEqual(['六枝机械厂', '西区新材料'].sort());
    ids.roadItem = m.agenda[0].itemId;
    ids.topicItem = m.agenda[1].itemId;
    // On an agenda, the ticket is no longer waiting for a meeting.
    expect((await ok('GET', '/api/v1/meetings/candidates', 'committee')).tickets).toEqual([]);
    const [scheduled] = (
      await kit.pg.query(`SELECT key, envelope FROM meeting.outbox WHERE type = 'meeting.scheduled'`)
    ).rows;
    expect(scheduled.key).toBe(ids.m1);
    expect(scheduled.envelope.payload).toMatchObject({
      invitedDepartmentIds: expect.arrayContaining([DEP.transport, DEP.urban, DEP.hrss]),
      invitedEnterpriseIds: expect.arrayContaining([ENT.jx, ENT.xx]),
    });
  });

  it('the agenda changes before the meeting: the need is added, then taken off again', async () => {
    const v = (await ok('GET', `/api/v1/meetings/${ids.m1}`, 'committee')).version;
    const added = await ok('PATCH', `/api/v1/meetings/${ids.m1}`, 'committee', {
      expectedVersion: v,
      addItems: [{ kind: 'need', needId: NEED }],
    });
    expect(added.itemIds).toHaveLength(3);
    const removed = await ok('PATCH', `/api/v1/meetings/${ids.m1}`, 'committee', {
      expectedVersion: added.version,
      removeItemIds: [added.itemIds[2]],
    });
    expect(removed).toMatchObject({ version: v + 2, itemIds: [ids.roadItem, ids.topicItem] });
  });

  it('recorded with two decisions: meeting.held and meeting.decision-made carry what the SLA engine needs, keyed by the decision', async () => {
    const v = (await ok('GET', `/api/v1/meetings/${ids.m1}`, 'committee')).version;
    const r = await ok('POST', `/api/v1/meetings/${ids.m1}/record`, 'committee', {
      expectedVersion: v,
      heldAt: HELD.toISOString(),
      attendance: {
        departmentIds: [DEP.transport, DEP.urban, DEP.hrss],
        enterpriseIds: [ENT.jx, ENT.xx],
        people: ['张书记（综合党委）', '王局长（交通运输局）', '李科长（城管局）'],
      },
      summary: '会议听取了六枝机械厂道路破损问题的汇报。\n会议研究了园区企业用工对接。',
      decisions: [
        {
          itemId: ids.roadItem,
          task: '交通运输局牵头、城管局配合，修复厂区门口道路',
          leadDepartmentId: DEP.transport,
          coHandlerDepartmentIds: [DEP.urban],
          dueWorkingDays: 10,
        },
        {
          itemId: ids.topicItem,
          title: '用工对接合作',
          task: '人社局组织西区新材料与职业院校签订用工合作协议',
          leadDepartmentId: DEP.hrss,
          dueWorkingDays: 15,
          cooperation: true,
        },
      ],
    });
    expect(r.status).toBe('held');
    [ids.d1, ids.d2] = r.decisionIds;
    const { rows } = await kit.pg.query(
      `SELECT key, type, envelope FROM meeting.outbox WHERE type IN ('meeting.held', 'meeting.decision-made') ORDER BY seq`,
    );
    expect(rows.map((x) => [x.type, x.key])).toEqual([
      ['meeting.held', ids.m1],
      ['meeting.decision-made', ids.d1],
      ['meeting.decision-made', ids.d2],
    ]);
    expect(rows[1].envelope.payload).toEqual({
      decisionId: ids.d1,
      meetingId: ids.m1,
      itemId: ids.roadItem,
      ticketId: ROAD,
      needId: null,
      enterpriseId: ENT.jx,
      title: '厂区门口道路破损严重',
      task: '交通运输局牵头、城管局配合，修复厂区门口道路',
      leadDepartmentId: DEP.transport,
      coHandlerDepartmentIds: [DEP.urban],
      dueWorkingDays: 10,
      cooperation: false,
      decidedAt: HELD.toISOString(),
    });
    expect(rows[2].envelope.payload).toMatchObject({ cooperation: true, dueWorkingDays: 15, ticketId: null });
    expect(rows[0].envelope.payload.decisionIds).toEqual([ids.d1, ids.d2]);
  });

  it('the decision sits in its departments’ queues with the deadline and flag the SLA engine sends', async () => {
    const due = new Date(HELD.getTime() + 14 * 86_400_000).toISOString();
    const clock = {
      ticketId: ids.d1,
      subject: 'decision',
      timerId: newId(),
      kind: 'decision',
      departmentId: DEP.transport,
      dueAt: due,
    };
    await kit.publish(Topics.Sla, SlaEvents.deadlineSet, ids.d1, {
      ...clock,
      policyId: 'p-decision',
      policyVersion: 1,
      reason: 'opened',
    });
    await kit.publish(Topics.Sla, SlaEvents.warning, ids.d1, { ...clock, level: 'yellow', threshold: '80%' });
    const queue = await ok('GET', '/api/v1/meetings/decisions?mine=true&status=open,done', 'depTransport');
    expect(queue.items).toEqual([
      expect.objectContaining({
        id: ids.d1,
        dueAt: due,
        flag: 'yellow',
        myRole: 'lead',
        status: 'open',
        dueWorkingDays: 10,
      }),
    ]);
    const urban = await ok('GET', '/api/v1/meetings/decisions?mine=true', 'depUrban');
    expect(urban.items.map((d: Json) => [d.id, d.myRole])).toEqual([[ids.d1, 'co_handler']]);
    expect((await ok('GET', '/api/v1/meetings/decisions?mine=true', 'depTax')).items).toEqual([]);
    // The enterprise sees the decision on its own ticket, the other enterprise the one on its topic.
    expect((await ok('GET', '/api/v1/meetings/decisions', 'entJx')).items.map((d: Json) => d.id)).toEqual([
      ids.d1,
    ]);
    expect((await ok('GET', '/api/v1/meetings/decisions', 'entXx')).items.map((d: Json) => d.id)).toEqual([
      ids.d2,
    ]);
  });

  it('the co-handler reports its part and the lead reports it done', async () => {
    let d = await ok('GET', `/api/v1/meetings/decisions/${ids.d1}`, 'depUrban');
    d = await ok('POST', `/api/v1/meetings/decisions/${ids.d1}/reports`, 'depUrban', {
      expectedVersion: d.version,
      progress: 'done',
      report: '地下管线已迁移完毕',
    });
    expect(d.status).toBe('open');
    d = await ok('POST', `/api/v1/meetings/decisions/${ids.d1}/reports`, 'depTransport', {
      expectedVersion: d.version,
      progress: 'done',
      report: '道路已修复，企业已验收',
    });
    expect(d.status).toBe('done');
    const reported = (
      await kit.pg.query(
        `SELECT key, envelope FROM meeting.outbox WHERE type = 'meeting.decision-reported' ORDER BY seq`,
      )
    ).rows;
    expect(
      reported.map((x) => [x.key, x.envelope.payload.departmentId, x.envelope.payload.progress]),
    ).toEqual([
      [ids.d1, DEP.urban, 'done'],
      [ids.d1, DEP.transport, 'done'],
    ]);
  });

  it('the next meeting takes both decisions as follow-ups; the committee closes them there', async () => {
    expect(
      (await ok('GET', '/api/v1/meetings/candidates', 'committee')).followUps.map((f: Json) => f.decisionId),
    ).toEqual([ids.d1, ids.d2]);
    const m2 = await ok('POST', '/api/v1/meetings', 'committee', {
      title: '第二次党政企联席会议',
      startsAt: new Date(HELD.getTime() + 3600_000).toISOString(),
      place: '开发区管委会三楼会议室',
      items: [],
    });
    ids.m2 = m2.id;
    const view = await ok('GET', `/api/v1/meetings/${ids.m2}`, 'committee');
    expect(view.agenda.map((i: Json) => [i.kind, i.source, i.followUp?.id])).toEqual([
      ['decision', 'follow_up', ids.d1],
      ['decision', 'follow_up', ids.d2],
    ]);
    expect(view.agenda[0].followUp.reports.map((r: Json) => r.report)).toEqual([
      '地下管线已迁移完毕',
      '道路已修复，企业已验收',
    ]);
    expect((await ok('GET', '/api/v1/meetings/candidates', 'committee')).followUps).toEqual([]);
    for (const [id, note] of [
      [ids.d1, '道路修复到位，问题解决'],
      [ids.d2, '合作协议已签订'],
    ]) {
      const d = await ok('GET', `/api/v1/meetings/decisions/${id}`, 'committee');
      const closed = await ok('POST', `/api/v1/meetings/decisions/${id}/close`, 'committee', {
        expectedVersion: d.version,
        outcome: 'solved',
        note,
        meetingId: ids.m2,
      });
      expect(closed.status).toBe('closed');
    }
    const closed = (
      await kit.pg.query(
        `SELECT key, envelope FROM meeting.outbox WHERE type = 'meeting.decision-closed' ORDER BY seq`,
      )
    ).rows;
    expect(
      closed.map((x) => [x.key, x.envelope.payload.outcome, x.envelope.payload.reportedAtMeetingId]),
    ).toEqual([
      [ids.d1, 'solved', ids.m2],
      [ids.d2, 'solved', ids.m2],
    ]);
    const v = (await ok('GET', `/api/v1/meetings/${ids.m2}`, 'committee')).version;
    await ok('POST', `/api/v1/meetings/${ids.m2}/record`, 'committee', {
      expectedVersion: v,
      heldAt: new Date(HELD.getTime() + 3600_000).toISOString(),
      attendance: { departmentIds: [DEP.transport, DEP.hrss], enterpriseIds: [], people: ['张书记'] },
      summary: '会议听取了上次议定事项的办理情况。',
      decisions: [],
    });
  });

  it('the counts: 2 meetings held, 2 items decided, 2 solved, 1 cooperation reached; none the year before', async () => {
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const stats = await ok('GET', '/api/v1/meetings/stats', 'committee');
    expect(stats).toMatchObject({
      meetingsHeld: 2,
      itemsDecided: 2,
      decisionsSolved: 2,
      cooperationsReached: 1,
    });
    expect(stats.definitions.meetingsHeld).toContain('meeting.held');
    const before = await ok(
      'GET',
      `/api/v1/meetings/stats?from=${year - 1}-01-01&to=${year - 1}-12-31`,
      'committee',
    );
    expect(before).toMatchObject({
      meetingsHeld: 0,
      itemsDecided: 0,
      decisionsSolved: 0,
      cooperationsReached: 0,
    });
    // The same counts from the events the ledger chains (its formulas, MEETING_FIGURE_DEFINITIONS).
    const { rows } = await kit.pg.query(`SELECT type, envelope FROM meeting.outbox ORDER BY seq`);
    const made = new Map(
      rows
        .filter((r) => r.type === 'meeting.decision-made')
        .map((r) => [r.envelope.payload.decisionId, r.envelope.payload]),
    );
    const solved = rows.filter(
      (r) => r.type === 'meeting.decision-closed' && r.envelope.payload.outcome === 'solved',
    );
    expect({
      meetingsHeld: rows.filter((r) => r.type === 'meeting.held').length,
      itemsDecided: made.size,
      decisionsSolved: solved.length,
      cooperationsReached: solved.filter((r) => made.get(r.envelope.payload.decisionId)?.cooperation).length,
    }).toEqual({ meetingsHeld: 2, itemsDecided: 2, decisionsSolved: 2, cooperationsReached: 1 });
  });

  const minutesText = async (meetingId: string, as: UserKey = 'committee') => {
    const r = await kit.api('GET', `/api/v1/meetings/${meetingId}/minutes.docx`, as);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    return r.raw;
  };

  it('the minutes .docx holds the meeting in Chinese (word/document.xml)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meeting-docx-'));
    try {
      writeFileSync(join(dir, 'm1.docx'), await minutesText(ids.m1, 'depUrban'));
      const unzip = spawnSync('unzip', ['-p', join(dir, 'm1.docx'), 'word/document.xml'], {
        encoding: 'utf8',
      });
      expect(unzip.status).toBe(0);
      const xml = unzip.stdout;
      for (const text of [
        '第一次党政企联席会议会议纪要',
        '开发区管委会三楼会议室',
        '张书记',
        '王局长（交通运输局）',
        '厂区门口道路破损严重',
        '交通运输局牵头、城管局配合，修复厂区门口道路',
        '10个工作日',
        '用工对接合作',
        '合作事项',
      ])
        expect(xml).toContain(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (runSofficeCheck ? it : it.skip)(
    'LibreOffice opens both minutes (headless, to text) with the Chinese intact: decisions, deadlines, follow-ups and outcomes',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'meeting-minutes-'));
      try {
        writeFileSync(join(dir, 'm1.docx'), await minutesText(ids.m1));
        writeFileSync(join(dir, 'm2.docx'), await minutesText(ids.m2));
        const conv = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'txt:Text (encoded):UTF8',
            '--outdir',
            dir,
            join(dir, 'm1.docx'),
            join(dir, 'm2.docx'),
          ],
          { encoding: 'utf8', timeout: 180_000 },
        );
        expect(conv.status).toBe(0);
        expect(
          readdirSync(dir)
            .filter((f) => f.endsWith('.txt'))
            .sort(),
        ).toEqual(['m1.txt', 'm2.txt']);
        const m1 = readFileSync(join(dir, 'm1.txt'), 'utf8');
        expect(m1).toContain('第一次党政企联席会议会议纪要');
        expect(m1).toContain('会议地点：开发区管委会三楼会议室');
        expect(m1).toContain('召集人：张书记');
        expect(m1).toContain('参会企业：六枝机械厂、西区新材料');
        expect(m1).toContain('牵头部门：交通运输局');
        expect(m1).toContain('协办部门：城管局');
        expect(m1).toMatch(/办理时限：10个工作日（\d{4}年\d{1,2}月\d{1,2}日前）/);
        expect(m1).toContain('办理时限：15个工作日（自会议之日起计）');
        expect(m1).toContain('关联诉求：CS-2026-000101 厂区门口道路破损严重');
        const m2 = readFileSync(join(dir, 'm2.txt'), 'utf8');
        expect(m2).toContain('前次议定事项办理情况');
        expect(m2).toContain('城管局办结报告：地下管线已迁移完毕');
        expect(m2).toContain('交通运输局办结报告：道路已修复，企业已验收');
        expect(m2).toContain('办理状态：已关闭，已解决');
        expect(m2).toContain('结论：合作协议已签订');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('the history holds every change, append-only', async () => {
    const { rows } = await kit.pg.query(
      `SELECT event_type, count(*)::int AS n FROM meeting.history GROUP BY event_type ORDER BY event_type`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.event_type, r.n]))).toEqual({
      'meeting.decision-closed': 2,
      'meeting.decision-made': 2,
      'meeting.decision-reported': 2,
      'meeting.held': 2,
      'meeting.scheduled': 2,
      'meeting.updated': 2,
    });
    await expect(kit.pg.query(`DELETE FROM meeting.history`)).rejects.toThrow(/append-only/);
  });
});
