import { createEnvelope, EventOf, EventPayloads, EventType } from '@ticketing/contracts';
import { applyEvent, emptyFacts, viewedEvent, viewOf } from '../../events/domain/event-view';
import { audienceOf } from '../../inapp/domain/recipients';
import { formatTime, hasTemplate, renderMessage, said, TEMPLATED_TYPES } from './message-templates';
import { EventView } from '../../events/domain/event-view';

const names = {
  department: (id: string | null) => (id === 'dep-hr' ? '人社局' : null),
  enterprise: () => '示例机械有限公司',
};
const ev = <T extends EventType>(type: T, payload: EventPayloads[T]): EventOf<T> => ({
  ...createEnvelope({
    type,
    aggregateId: 't1',
    aggregateVersion: 1,
    actor: { id: 'system', role: 'system' },
    payload,
  }),
  type,
});
/** What every ticket event carries. */
const ticket = {
  ticketId: 't1',
  number: 'CS-2026-000007',
  status: 'submitted' as const,
  enterpriseId: 'ent-1',
  category: 'labour',
  urgency: 'normal' as const,
  gridId: null,
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
};
const submission = {
  enterpriseName: '示例机械有限公司',
  submittedBy: { id: 'u-ent', role: 'enterprise' as const },
  title: '招工难',
  description: '…',
  location: null,
  contact: { name: '王经理', phone: '13800000000' },
  attachments: [],
  submittedAt: '2026-03-02T00:00:00.000Z',
};
const timer = { ticketId: 't1', timerId: 'timer-1' };

describe('message templates', () => {
  it('writes an assignment in Chinese with number, title, department, deadline and link', () => {
    let facts = applyEvent(emptyFacts('t1'), ev('ticket.submitted', { ...ticket, ...submission }));
    facts = applyEvent(
      facts,
      ev('sla.deadline-set', {
        ...timer,
        kind: 'respond',
        departmentId: 'dep-hr',
        dueAt: '2026-03-02T01:30:00.000Z',
        policyId: 'p-1',
        policyVersion: 1,
        reason: 'opened',
      }),
    );
    const assigned = ev('ticket.assigned', {
      ...ticket,
      status: 'assigned',
      leadDepartmentId: 'dep-hr',
      via: 'rule',
      ruleId: null,
      previousLeadDepartmentId: null,
      firstHandlerDepartmentId: 'dep-hr',
    });
    facts = applyEvent(facts, assigned);
    const m = renderMessage(viewOf(viewedEvent(assigned), facts), names, 'zh', 'http://127.0.0.1:3000');
    expect(m.title).toBe('新诉求待签收');
    expect(m.summary).toBe('请人社局在2026-03-02 09:30（北京时间）前签收办理（首办负责制）。');
    expect(m.facts).toEqual(
      expect.arrayContaining([
        { label: '诉求编号', value: 'CS-2026-000007' },
        { label: '标题', value: '招工难' },
        { label: '牵头部门', value: '人社局' },
        { label: '类别', value: '用工招聘' },
      ]),
    );
    expect(m.link).toBe('http://127.0.0.1:3000/tickets/t1');
    expect(m.subject).toBe('[吹哨报到] 新诉求待签收：CS-2026-000007 招工难');
    expect(m.linkLabel).toBe('查看诉求');
  });

  it('names the timer and step of sla events', () => {
    const e = ev('sla.escalated', {
      ...timer,
      kind: 'resolve',
      departmentId: 'dep-hr',
      dueAt: '2026-03-02T01:30:00.000Z',
      step: 'supervise',
      stepIndex: 1,
    });
    const m = renderMessage(viewOf(viewedEvent(e), applyEvent(emptyFacts('t1'), e)), names, 'zh', 'http://x');
    expect(m.summary).toBe('人社局的办结时限已过，升级为督办。');
  });

  it('names the committee, and tells only the committee, when its own triage clock runs late', () => {
    let facts = applyEvent(
      emptyFacts('t1'),
      ev('ticket.submitted', {
        ...ticket,
        ...submission,
        number: 'CS-2026-000008',
        title: '夜间扬尘',
        category: 'other',
      }),
    );
    const warning = ev('sla.warning', {
      ...timer,
      kind: 'triage',
      departmentId: null,
      dueAt: '2026-03-02T03:00:00.000Z',
      level: 'yellow',
      threshold: '80%',
    });
    facts = applyEvent(facts, warning);
    const view = viewOf(viewedEvent(warning), facts);
    expect(renderMessage(view, names, 'zh', 'http://x').summary).toBe(
      '综合党委的人工分派时限将至（2026-03-02 11:00（北京时间）），请抓紧办理。',
    );
    expect(renderMessage(view, names, 'en', 'http://x').summary).toContain('The committee');
    expect(audienceOf(view)).toEqual({ departmentIds: [], enterpriseIds: [], roles: ['committee'] });
    // A department's clock still goes to the department (and, once breached, the committee too).
    const late = ev('sla.breached', {
      ...timer,
      kind: 'resolve',
      departmentId: 'dep-hr',
      dueAt: '2026-03-02T03:00:00.000Z',
      level: 'red',
    });
    expect(audienceOf(viewOf(viewedEvent(late), applyEvent(facts, late)))).toEqual({
      departmentIds: ['dep-hr'],
      enterpriseIds: [],
      roles: ['committee'],
    });
  });

  it('names the enterprise, not a department, when the rating window passes, and asks for a callback', () => {
    const facts = applyEvent(emptyFacts('t1'), ev('ticket.submitted', { ...ticket, ...submission }));
    const lapsed = ev('sla.breached', {
      ...timer,
      kind: 'feedback',
      departmentId: 'dep-hr',
      dueAt: '2026-03-16T10:00:00.000Z',
      level: 'red',
    });
    const view = viewOf(viewedEvent(lapsed), applyEvent(facts, lapsed));
    const zh = renderMessage(view, names, 'zh', 'http://x').summary;
    expect(zh).toContain('内未评价，请综合党委回访。');
    expect(zh).not.toContain('人社局');
    expect(renderMessage(view, names, 'en', 'http://x').summary).toContain('may call back');
  });

  it('formats times in Beijing time', () => {
    expect(formatTime('2026-01-01T16:05:00Z', 'en')).toBe('2026-01-02 00:05 (Beijing time)');
  });

  describe('every Chinese message reads as Chinese: no English, one word per idea, no doubled stops', () => {
    /** Chinese names and words everywhere a template reads one; what a person wrote ends in 。 as people write. */
    const payloadFor = (type: string): Record<string, unknown> => ({
      departmentId: 'dep-hr',
      fromDepartmentId: 'dep-hr',
      via: 'transfer',
      approved: type.endsWith('decided') ? false : undefined,
      reason: '现场已清理。',
      note: '请本周内办结。',
      explanation: '没有适用「其他」的规则，转综合党委人工分派',
      result: '已协调专场招聘会。',
      message: '下周三对接。',
      content: '已派员核查。',
      question: '请补充营业执照副本。',
      answer: '已上传。',
      text: '收到，谢谢！',
      comment: '很满意。',
      satisfaction: 'basically_satisfied',
      solved: true,
      reopenCount: 1,
      outcome: 'no_feedback',
      level: 'supervise',
      step: 'joint_meeting',
      kind: 'co_handler_report',
      author: 'enterprise',
    });
    const view = (type: string, kind?: string): EventView => ({
      eventId: 'e1',
      type,
      occurredAt: '2026-03-02T01:00:00.000Z',
      ticket: {
        ...applyEvent(emptyFacts('t1'), ev('ticket.submitted', { ...ticket, ...submission })),
        leadDepartmentId: 'dep-hr',
      },
      departmentId: 'dep-hr',
      departmentIds: ['dep-hr'],
      dueAt: '2026-03-02T01:30:00.000Z',
      payload: { ...payloadFor(type), ...(kind ? { kind } : {}) },
    });
    const kinds = [
      'triage',
      'respond',
      'resolve',
      'reply',
      'feedback',
      'callback',
      'transfer_arbitration',
      'co_handler_report',
      'decision',
    ];
    const cases: [string, string | undefined][] = TEMPLATED_TYPES.flatMap(
      (type): [string, string | undefined][] =>
        type.startsWith('sla.') ? kinds.map((k): [string, string] => [type, k]) : [[type, undefined]],
    );

    it.each(cases)('%s %s', (type: string, kind: string | undefined) => {
      const m = renderMessage(view(type, kind), names, 'zh', 'https://zone.example');
      const words = [m.title, m.summary, m.linkLabel, ...m.facts.map((f) => f.label)];
      // The ticket number (CS-…) and the link are data; every word around them is Chinese.
      for (const w of words) expect([w, /[A-Za-z]/.test(w)]).toEqual([w, false]);
      for (const w of words) expect([w, /工单|退单|。。|undefined|null/.test(w)]).toEqual([w, false]);
      expect(m.summary).toMatch(/[。！？）]$/);
    });

    it('tells the committee why a ticket waits for it, in dispatch’s words, once', () => {
      const m = renderMessage(view('dispatch.triage-needed'), names, 'zh', 'https://zone.example');
      expect(m.summary).toBe('没有适用「其他」的规则，转综合党委人工分派。');
    });

    it('covers every event a subscription may name', () => {
      expect(TEMPLATED_TYPES.length).toBeGreaterThan(20);
      expect(TEMPLATED_TYPES.every(hasTemplate)).toBe(true);
    });

    it('ends what a person wrote with one full stop, never two', () => {
      expect(said('现场已清理。')).toBe('现场已清理。');
      expect(said('现场已清理')).toBe('现场已清理。');
      expect(said(' 好的！ ')).toBe('好的！');
      expect(said('见附件“清单。”')).toBe('见附件“清单。”');
      expect(said('')).toBe('');
      expect(said(null)).toBe('');
    });
  });
});
