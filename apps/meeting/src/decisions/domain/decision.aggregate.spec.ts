import { Actor, DomainError } from '@ticketing/contracts';
import { Decision, DecisionInput } from './decision.aggregate';

const AT = new Date('2026-03-20T06:30:00Z');
const committee: Actor = { id: 'u-com', role: 'committee' };
const lead: Actor = { id: 'u-tr', role: 'department' };
const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  id: 'd-1',
  meetingId: 'm-1',
  itemId: 'i-1',
  ticketId: 't-1',
  needId: null,
  enterpriseId: 'ent-1',
  title: '道路破损',
  task: '修复道路',
  leadDepartmentId: 'dep-tr',
  coHandlerDepartmentIds: ['dep-ur'],
  dueWorkingDays: 10,
  cooperation: false,
  decidedAt: AT,
  ...over,
});
const error = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
};
const fields = (e: DomainError) => (e.details as { errors: { field: string }[] }).errors.map((f) => f.field);

describe('Decision', () => {
  it('is made open, announced at the meeting’s time with what its clock needs', () => {
    const d = Decision.make(input(), committee);
    expect(d.pullChanges()).toEqual([
      expect.objectContaining({
        eventType: 'meeting.decision-made',
        at: AT,
        version: 1,
        payload: expect.objectContaining({
          decisionId: 'd-1',
          leadDepartmentId: 'dep-tr',
          dueWorkingDays: 10,
          decidedAt: AT.toISOString(),
        }),
      }),
    ]);
    expect(d.snapshot().status).toBe('open');
  });

  it('refuses an empty task, the lead as co-handler, a department twice and days out of range, naming the fields under a prefix', () => {
    const e = error(() =>
      Decision.make(
        input({ task: ' ', coHandlerDepartmentIds: ['dep-tr', 'dep-ur', 'dep-ur'], dueWorkingDays: 0 }),
        committee,
        'decisions.2',
      ),
    );
    expect(fields(e)).toEqual([
      'decisions.2.task',
      'decisions.2.coHandlerDepartmentIds.0',
      'decisions.2.coHandlerDepartmentIds.2',
      'decisions.2.dueWorkingDays',
    ]);
    expect(fields(error(() => Decision.make(input({ dueWorkingDays: 3651 }), committee)))).toEqual([
      'dueWorkingDays',
    ]);
  });

  it('a co-handler’s done is its part; the lead’s done makes it done, and the lead reports no more', () => {
    const d = Decision.make(input(), committee);
    d.pullChanges();
    d.report('dep-ur', 'done', '管线迁移完毕', { id: 'u-ur', role: 'department' }, AT);
    expect(d.snapshot().status).toBe('open');
    d.report('dep-tr', 'in_progress', '已进场', lead, AT);
    expect(d.leadProgress).toBe('in_progress');
    d.report('dep-tr', 'done', '已修复', lead, AT);
    expect(d.snapshot().status).toBe('done');
    expect(d.leadProgress).toBe('done');
    expect(error(() => d.report('dep-tr', 'in_progress', '补充', lead, AT)).code).toBe('illegalTransition');
    expect(error(() => d.report('dep-tax', 'done', 'x', lead, AT)).code).toBe('forbidden');
    expect(d.pullChanges().map((c) => c.payload)).toEqual([
      expect.objectContaining({ departmentId: 'dep-ur', progress: 'done' }),
      expect.objectContaining({ departmentId: 'dep-tr', progress: 'in_progress' }),
      expect.objectContaining({ departmentId: 'dep-tr', progress: 'done' }),
    ]);
  });

  it('is closed once by the committee, naming a later meeting; nothing is reported after', () => {
    const d = Decision.make(input(), committee);
    expect(fields(error(() => d.close('solved', '已解决', 'm-1', committee, AT)))).toEqual(['meetingId']);
    expect(fields(error(() => d.close('solved', '', 'm-2', committee, AT)))).toEqual(['note']);
    d.close('unsolved', '资金未落实', 'm-2', committee, AT);
    expect(d.snapshot()).toMatchObject({
      status: 'closed',
      outcome: 'unsolved',
      reportedAtMeetingId: 'm-2',
      version: 2,
    });
    expect(error(() => d.close('solved', 'x', null, committee, AT)).code).toBe('illegalTransition');
    expect(error(() => d.report('dep-tr', 'done', 'x', lead, AT)).code).toBe('illegalTransition');
  });
});
