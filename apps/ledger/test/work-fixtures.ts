import { EventEnvelope } from '@ticketing/contracts';
import { contextEvent, DEP_A, DEP_B, directoryEvent, Lifecycle } from './ledger-test-kit';

/** The month of the outreach and meeting fixtures: the rate fixtures' month (2026-03). */
export const WORK_MONTH = '2026-03';
const at = (day: number, hour = 10) =>
  new Date(
    Date.parse(`2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`),
  );

export const INS = { li: 'u-ins-li', wang: 'u-ins-wang' } as const;
export const ENT = { jx: 'ent-jx', jc: 'ent-jc', dz: 'ent-dz', sp: 'ent-sp', xx: 'ent-xx' } as const;
const NAME: Record<string, string> = {
  [ENT.jx]: '六枝机械厂',
  [ENT.jc]: '恒达建材',
  [ENT.dz]: '高新电子',
  [ENT.sp]: '黔味食品',
  [ENT.xx]: '西区新材料',
};
const GRID: Record<string, string> = { [ENT.xx]: 'grid-west' };
const gridOf = (e: string) => GRID[e] ?? 'grid-east';

const planned = (e: string, reason = 'due') => ({
  enterpriseId: e,
  enterpriseName: NAME[e],
  gridId: gridOf(e),
  reason,
  topics: [],
});

let visits = 0;
function visit(
  instructor: 'li' | 'wang',
  enterprise: string,
  day: number,
  problems: string[],
  plannedVisit: boolean,
  mode = 'on_site',
): { id: string; event: EventEnvelope<Record<string, unknown>> } {
  const id = `visit-${++visits}`;
  const ins = INS[instructor];
  return {
    id,
    event: contextEvent(
      'outreach.visit-recorded',
      id,
      {
        visitId: id,
        enterpriseId: enterprise,
        enterpriseName: NAME[enterprise],
        gridId: gridOf(enterprise),
        instructor: {
          id: ins,
          name: instructor === 'li' ? '李指导员' : '王指导员',
          gridIds: [gridOf(enterprise)],
        },
        companions: [],
        visitedAt: at(day).toISOString(),
        month: WORK_MONTH,
        mode,
        topics: ['走访'],
        planned: plannedVisit,
        taskListId: plannedVisit ? 'list-li' : null,
        problems: problems.map((title, index) => ({
          index,
          title,
          description: title,
          category: 'labour',
          urgency: 'normal',
          contact: { name: '王经理', phone: '13800138000' },
          location: null,
          photos: [],
        })),
        needIds: [],
        photoCount: 0,
      },
      at(day),
      { id: ins, role: 'instructor' },
    ),
  };
}

const linked = (visitId: string, index: number, ticketId: string, day: number) =>
  contextEvent(
    'outreach.visit-linked',
    visitId,
    {
      visitId,
      problemIndex: index,
      ticketId,
      ticketNumber: `CS-2026-${ticketId.slice(-6)}`,
      enterpriseId: ENT.jx,
      gridId: 'grid-east',
      instructorUserId: INS.li,
      month: WORK_MONTH,
    },
    at(day, 11),
    { id: 'system', role: 'system' },
  );

/**
 * The outreach service's own fixture (apps/outreach/test/outreach-flow.int-spec.ts), as the events
 * it publishes. 李指导员: the list plans 六枝机械厂, 恒达建材, 高新电子 and 黔味食品, then is revised
 * without 黔味食品; visits 六枝机械厂 twice (2 problems, then none) and 黔味食品 once (1 problem,
 * unplanned). 王指导员: no list; visits 西区新材料 once, no problem. Of the 3 tickets: labour solved
 * and satisfied, transport unsolved and unsatisfied, tax untouched. Plus, for the score: one
 * activity and one meeting in 李指导员's work log. The tickets are led by 财政局-less departments
 * A and B only where the suite needs it (see instructors.int-spec.ts).
 */
export function outreachFixtures(lead = DEP_A): EventEnvelope<Record<string, unknown>>[] {
  const users = [
    directoryEvent('directory.user-upserted', {
      id: INS.li,
      username: 'li',
      displayName: '李指导员',
      role: 'instructor',
      enterpriseId: null,
      departmentId: null,
      gridIds: ['grid-east'],
      mobile: null,
      email: null,
      active: true,
    }),
    directoryEvent('directory.user-upserted', {
      id: INS.wang,
      username: 'wang',
      displayName: '王指导员',
      role: 'instructor',
      enterpriseId: null,
      departmentId: null,
      gridIds: ['grid-west'],
      mobile: null,
      email: null,
      active: true,
    }),
  ];
  const list = (revision: number, items: ReturnType<typeof planned>[], day: number) =>
    contextEvent(
      'outreach.task-list-published',
      'list-li',
      {
        taskListId: 'list-li',
        instructorUserId: INS.li,
        month: WORK_MONTH,
        items,
        plannedCount: items.length,
        revision,
      },
      at(day, 9),
    );
  const jx1 = visit('li', ENT.jx, 3, ['急需 20 名焊工', '厂门口道路破损'], true);
  const jx2 = visit('li', ENT.jx, 20, [], true, 'phone');
  const sp = visit('li', ENT.sp, 12, ['增值税留抵退税咨询'], false, 'online');
  const xx = visit('wang', ENT.xx, 10, [], false);
  const ticket = (id: string, day: number, title: string) =>
    new Lifecycle({ ticketId: id, enterpriseId: ENT.jx, gridId: 'grid-east' }, at(day, 11)).submit(
      title,
      title,
      {
        channel: 'visit',
        submittedBy: { id: INS.li, role: 'instructor' },
      },
    );
  const labour = ticket('t-vl-000001', 3, '急需 20 名焊工')
    .after(1)
    .assign(lead)
    .after(1)
    .acknowledge()
    .after(5)
    .resolve()
    .reply()
    .after(1)
    .feedback('satisfied', true)
    .close('feedback');
  const transport = ticket('t-vl-000002', 3, '厂门口道路破损')
    .after(1)
    .assign(lead)
    .after(1)
    .acknowledge()
    .after(5)
    .resolve()
    .reply()
    .after(1)
    .feedback('unsatisfied', false);
  const tax = ticket('t-vl-000003', 12, '增值税留抵退税咨询').after(1).assign(lead);
  const log = (id: string, kind: string, title: string, day: number) =>
    contextEvent(
      'outreach.work-logged',
      id,
      {
        entryId: id,
        instructorUserId: INS.li,
        day: `2026-03-${String(day).padStart(2, '0')}`,
        month: WORK_MONTH,
        kind,
        title,
        enterpriseId: null,
        hours: 2.5,
      },
      at(day, 18),
      { id: INS.li, role: 'instructor' },
    );
  return [
    ...users,
    list(1, [planned(ENT.jx, 'key_enterprise'), planned(ENT.jc), planned(ENT.dz), planned(ENT.sp)], 1),
    list(2, [planned(ENT.jx, 'key_enterprise'), planned(ENT.jc), planned(ENT.dz)], 2),
    jx1.event,
    ...labour.events.slice(0, 1),
    linked(jx1.id, 0, 't-vl-000001', 3),
    ...transport.events.slice(0, 1),
    linked(jx1.id, 1, 't-vl-000002', 3),
    ...labour.events.slice(1),
    ...transport.events.slice(1),
    sp.event,
    ...tax.events.slice(0, 1),
    linked(sp.id, 0, 't-vl-000003', 12),
    ...tax.events.slice(1),
    xx.event,
    jx2.event,
    log('log-1', 'activity', '组织园区党建联建活动', 12),
    log('log-2', 'meeting', '参加网格例会', 13),
  ];
}

/** 李指导员 and 王指导员 as outreach's own plan against done computes them (its EXPECTED), with the score. */
export const EXPECTED_INSTRUCTORS = {
  li: {
    planned: 3,
    visitedPlanned: 1,
    notVisited: 2,
    visitedUnplanned: 1,
    visits: 3,
    problems: 3,
    tickets: 3,
    solved: 1,
    rated: 2,
    completionRate: 0.3333,
    satisfied: 1,
    basicallySatisfied: 0,
    satisfactionRate: 0.5, // (1 + 0.9 × 0) ÷ 2
    activities: 1, // the meeting in the log is no activity
  },
  wang: {
    planned: 0,
    visitedPlanned: 0,
    notVisited: 0,
    visitedUnplanned: 1,
    visits: 1,
    problems: 0,
    tickets: 0,
    solved: 0,
    rated: 0,
    completionRate: null,
    satisfactionRate: null,
    activities: 0,
  },
  // plan 0.3333 × 40 = 13.3; problems 3 × 2 = 6; solved 1 × 3 = 3; satisfaction 0.5 × 20 = 10; activities 1 × 2 = 2
  liPoints: { plan: 13.3, problems: 6, solved: 3, satisfaction: 10, activities: 2 },
  liScore: 34.3,
};

/**
 * A joint meeting held in March with two decisions: one cooperation led by A, closed as solved in
 * March; one led by B, reported in progress, whose SLA clock (keyed by the decision's id) passed its
 * deadline. A second meeting was scheduled and cancelled. Counts: held 1, decided 2, solved 1,
 * cooperations 1. The decision's clock is no ticket: it makes no ticket fact.
 */
export function meetingFixtures(): EventEnvelope<Record<string, unknown>>[] {
  const state = (id: string, title: string, day: number) => ({
    meetingId: id,
    title,
    startsAt: at(day, 9).toISOString(),
    place: '园区党群服务中心',
    convenorId: 'u-committee',
    convenorName: '张书记',
    agenda: [
      {
        itemId: 'item-1',
        kind: 'ticket',
        source: 'escalation',
        title: '厂区道路破损',
        ticketId: 't-fix-10',
        ticketNumber: 'CS-2026-fix-10',
        needId: null,
        decisionId: null,
        enterpriseId: 'ent-1',
      },
    ],
    invitedDepartmentIds: [DEP_A, DEP_B],
    invitedEnterpriseIds: ['ent-1'],
  });
  const decision = (id: string, lead: string, cooperation: boolean, title: string) =>
    contextEvent(
      'meeting.decision-made',
      id,
      {
        decisionId: id,
        meetingId: 'meet-1',
        itemId: 'item-1',
        ticketId: 't-fix-10',
        needId: null,
        enterpriseId: 'ent-1',
        title,
        task: `${title}：牵头部门十个工作日内完成`,
        leadDepartmentId: lead,
        coHandlerDepartmentIds: [],
        dueWorkingDays: 10,
        cooperation,
        decidedAt: at(16, 11).toISOString(),
      },
      at(16, 11),
    );
  const clock = (type: string, extra: Record<string, unknown>, day: number) =>
    contextEvent(
      type,
      'dec-2',
      {
        ticketId: 'dec-2',
        subject: 'decision',
        timerId: 'dec-2-decision',
        kind: 'decision',
        departmentId: DEP_B,
        dueAt: at(30, 18).toISOString(),
        ...extra,
      },
      at(day, 12),
      { id: 'system', role: 'system' },
    );
  return [
    contextEvent('meeting.scheduled', 'meet-1', state('meet-1', '三月联席会议', 16), at(10)),
    contextEvent(
      'meeting.held',
      'meet-1',
      {
        meetingId: 'meet-1',
        heldAt: at(16, 9).toISOString(),
        attendance: { departmentIds: [DEP_A, DEP_B], enterpriseIds: ['ent-1'], people: ['张书记'] },
        summary: '研究厂区道路修缮与用工对接',
        decisionIds: ['dec-1', 'dec-2'],
      },
      at(16, 11),
    ),
    decision('dec-1', DEP_A, true, '园区企业用工对接合作'),
    decision('dec-2', DEP_B, false, '厂区道路修缮'),
    clock('sla.deadline-set', { policyId: 'p-1', policyVersion: 1, reason: 'opened' }, 16),
    contextEvent(
      'meeting.decision-reported',
      'dec-2',
      {
        decisionId: 'dec-2',
        meetingId: 'meet-1',
        departmentId: DEP_B,
        progress: 'in_progress',
        report: '已完成测量设计',
      },
      at(25),
    ),
    clock('sla.breached', { level: 'red' }, 30),
    contextEvent(
      'meeting.decision-closed',
      'dec-1',
      {
        decisionId: 'dec-1',
        meetingId: 'meet-1',
        outcome: 'solved',
        note: '三家企业签订用工协议',
        reportedAtMeetingId: null,
      },
      at(28),
    ),
    contextEvent('meeting.scheduled', 'meet-2', state('meet-2', '临时联席会议', 27), at(20)),
    contextEvent('meeting.cancelled', 'meet-2', { meetingId: 'meet-2', reason: '议题已由部门解决' }, at(21)),
  ];
}

/** 09:00 on Wednesday 1 April 2026 in China: the channel, callback, merge, handler and triage fixture's month. */
export const APRIL = '2026-04';
const APRIL_T0 = new Date('2026-04-01T01:00:00Z');

const handler = (l: Lifecycle, userId: string, name: string) =>
  l.ticket('ticket.handler-assigned', 'in_progress', {
    departmentId: l.lead,
    handlerUserId: userId,
    handlerName: name,
  });

const triage = (l: Lifecycle, met: boolean) =>
  l
    .ticket('ticket.triage-queued', 'triage', { departmentId: null, reason: '无匹配的分派规则' })
    .sla('sla.deadline-set', 'triage', 2)
    .after(met ? 1 : 3)
    .sla('sla.timer-stopped', 'triage', 0, {
      stoppedAt: l.at().toISOString(),
      breached: !met,
      workingMinutesUsed: met ? 60 : 180,
      outcome: met ? 'met' : 'breached',
    });

/**
 * Three tickets of department A in April, every figure computed by hand in work-figures.int-spec.ts:
 * t-ch-01 came by phone (the committee took it), waited on the desk and was assigned in time, was
 * resolved and answered, and rated on the committee's callback (满意, solved), worked by 王科员;
 * t-ch-02 came in person (walk-in), was assigned late from the desk, is in hand by 李科员;
 * t-dup-03 came by the web, its reply deadline passed, then it was merged into t-ch-01 as a
 * duplicate (its clocks stop as merged) and its own enterprise rated it (基本满意, solved).
 */
export function aprilFixtures(): EventEnvelope<Record<string, unknown>>[] {
  const committee = { id: 'u-committee', role: 'committee' };
  const phone = new Lifecycle({ ticketId: 't-ch-000001', lead: null }, APRIL_T0).submit(
    '路灯损坏',
    '园区主干道路灯损坏',
    {
      channel: 'phone',
      submittedBy: committee,
    },
  );
  triage(phone, true).assign(DEP_A, 'manual').after(1).acknowledge();
  handler(phone, 'u-h1', '王科员')
    .after(5)
    .resolve()
    .reply()
    .after(100)
    .sla('sla.breached', 'feedback', 0, { level: 'red' });
  phone.after(1).ticket('ticket.feedback-given', 'closed', {
    via: 'callback',
    contacted: true,
    solved: true,
    satisfaction: 'satisfied',
    comment: '回访：已修好',
  });
  const walkIn = new Lifecycle({ ticketId: 't-ch-000002', lead: null }, APRIL_T0).submit(
    '办证咨询',
    '来访咨询办证',
    {
      channel: 'walk_in',
      submittedBy: committee,
    },
  );
  triage(walkIn, false).assign(DEP_A, 'manual').after(1).acknowledge();
  handler(walkIn, 'u-h2', '李科员');
  const dup = new Lifecycle({ ticketId: 't-dup-000003', enterpriseId: 'ent-2' }, APRIL_T0).submit(
    '路灯不亮',
    '门口路灯不亮',
  );
  dup.after(1).assign(DEP_A).after(1).acknowledge(72, 3).after(4).breach('reply');
  dup
    .after(1)
    .ticket('ticket.merged', 'in_progress', {
      mainTicketId: 't-ch-000001',
      mainTicketNumber: 'CS-2026-000001',
      reason: '同一路灯',
    })
    .sla('sla.timer-stopped', 'resolve', 0, {
      stoppedAt: dup.at().toISOString(),
      breached: false,
      workingMinutesUsed: 60,
      outcome: 'merged',
    })
    .sla('sla.timer-stopped', 'reply', 0, {
      stoppedAt: dup.at().toISOString(),
      breached: true,
      workingMinutesUsed: 60,
      outcome: 'merged',
    })
    .after(10)
    .feedback('basically_satisfied', true);
  return [...phone.events, ...walkIn.events, ...dup.events];
}
