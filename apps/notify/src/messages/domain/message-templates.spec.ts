import { createEnvelope } from '@ticketing/contracts';
import { applyEvent, emptyFacts, viewOf } from '../../events/domain/event-view';
import { audienceOf } from '../../inapp/domain/recipients';
import { formatTime, renderMessage } from './message-templates';

const names = {
  department: (id: string | null) => (id === 'dep-hr' ? '人社局' : null),
  enterprise: () => '示例机械有限公司',
};
const ev = (type: string, payload: Record<string, unknown>) =>
  createEnvelope({
    type,
    aggregateId: 't1',
    aggregateVersion: 1,
    actor: { id: 'system', role: 'system' },
    payload: { ticketId: 't1', ...payload },
  });

describe('message templates', () => {
  it('writes an assignment in Chinese with number, title, department, deadline and link', () => {
    let facts = applyEvent(
      emptyFacts('t1'),
      ev('ticket.submitted', {
        number: 'CS-2026-000007',
        title: '招工难',
        enterpriseName: '示例机械有限公司',
        category: 'labour',
        urgency: 'normal',
      }),
    );
    facts = applyEvent(facts, ev('sla.deadline-set', { kind: 'respond', dueAt: '2026-03-02T01:30:00.000Z' }));
    const assigned = ev('ticket.assigned', {
      number: 'CS-2026-000007',
      leadDepartmentId: 'dep-hr',
      coHandlerDepartmentIds: [],
      via: 'rule',
    });
    facts = applyEvent(facts, assigned);
    const m = renderMessage(viewOf(assigned, facts), names, 'zh', 'http://127.0.0.1:3000');
    expect(m.title).toBe('新工单待签收');
    expect(m.summary).toBe('请人社局在2026-03-02 09:30（北京时间）前签收办理（首办负责制）。');
    expect(m.facts).toEqual(
      expect.arrayContaining([
        { label: '工单编号', value: 'CS-2026-000007' },
        { label: '标题', value: '招工难' },
        { label: '牵头部门', value: '人社局' },
        { label: '类别', value: '用工招聘' },
      ]),
    );
    expect(m.link).toBe('http://127.0.0.1:3000/tickets/t1');
    expect(m.subject).toBe('[吹哨报到] 新工单待签收：CS-2026-000007 招工难');
  });

  it('names the timer and step of sla events', () => {
    const e = ev('sla.escalated', {
      kind: 'resolve',
      departmentId: 'dep-hr',
      dueAt: '2026-03-02T01:30:00.000Z',
      step: 'supervise',
      stepIndex: 1,
    });
    const m = renderMessage(viewOf(e, applyEvent(emptyFacts('t1'), e)), names, 'zh', 'http://x');
    expect(m.summary).toBe('人社局的办结超期，升级为督办。');
  });

  it('names the committee, and tells only the committee, when its own triage clock runs late', () => {
    let facts = applyEvent(
      emptyFacts('t1'),
      ev('ticket.submitted', {
        number: 'CS-2026-000008',
        title: '夜间扬尘',
        category: 'other',
        urgency: 'normal',
      }),
    );
    const warning = ev('sla.warning', {
      kind: 'triage',
      departmentId: null,
      dueAt: '2026-03-02T03:00:00.000Z',
    });
    facts = applyEvent(facts, warning);
    const view = viewOf(warning, facts);
    expect(renderMessage(view, names, 'zh', 'http://x').summary).toBe(
      '综合党委的人工分派期限将至（2026-03-02 11:00（北京时间）），请抓紧办理。',
    );
    expect(renderMessage(view, names, 'en', 'http://x').summary).toContain('The committee');
    expect(audienceOf(view)).toEqual({ departmentIds: [], enterpriseIds: [], roles: ['committee'] });
    // A department's clock still goes to the department (and, once breached, the committee too).
    const late = ev('sla.breached', {
      kind: 'resolve',
      departmentId: 'dep-hr',
      dueAt: '2026-03-02T03:00:00.000Z',
    });
    expect(audienceOf(viewOf(late, applyEvent(facts, late)))).toEqual({
      departmentIds: ['dep-hr'],
      enterpriseIds: [],
      roles: ['committee'],
    });
  });

  it('formats times in Beijing time', () => {
    expect(formatTime('2026-01-01T16:05:00Z', 'en')).toBe('2026-01-02 00:05 (Beijing time)');
  });
});
