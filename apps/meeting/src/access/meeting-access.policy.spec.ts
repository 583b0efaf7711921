import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { MeetingAccessPolicy } from './meeting-access.policy';

const user = (role: string, extra: Partial<AuthUser> = {}) =>
  ({ id: `u-${role}`, role, name: role, ...extra }) as AuthUser;
const committee = user('committee');
const admin = user('admin');
const lead = user('department', { departmentId: 'dep-tr' });
const co = user('department', { departmentId: 'dep-ur' });
const other = user('department', { departmentId: 'dep-tax' });
const ent = user('enterprise', { enterpriseId: 'ent-1' });
const otherEnt = user('enterprise', { enterpriseId: 'ent-2' });
const instructor = user('instructor', { gridIds: ['g-1'] });

const meeting = { id: 'm-1', invitedDepartmentIds: ['dep-tr'], decisionDepartmentIds: ['dep-ur'] };
const decision = {
  id: 'd-1',
  leadDepartmentId: 'dep-tr',
  coHandlerDepartmentIds: ['dep-ur'],
  enterpriseId: 'ent-1',
};
const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('MeetingAccessPolicy', () => {
  it('meetings: the committee and admin all; a department invited or owning a decision; nobody else', () => {
    const seen = [committee, admin, lead, co, other, ent, instructor].map((u) =>
      MeetingAccessPolicy.canSeeMeeting(u, meeting),
    );
    expect(seen).toEqual([true, true, true, true, false, false, false]);
    expect(code(() => MeetingAccessPolicy.visibleMeeting(other, 'm-1', meeting))).toBe('notFound');
    expect(code(() => MeetingAccessPolicy.visibleMeeting(committee, 'm-1', null))).toBe('notFound');
  });

  it('decisions: its departments, the enterprise it is about, the committee', () => {
    const seen = [committee, admin, lead, co, other, ent, otherEnt, instructor].map((u) =>
      MeetingAccessPolicy.canSeeDecision(u, decision),
    );
    expect(seen).toEqual([true, true, true, true, false, true, false, false]);
  });

  it('reports come from its departments only; running meetings is the committee’s', () => {
    expect(MeetingAccessPolicy.assertMayReport(co, decision)).toBe('dep-ur');
    expect(code(() => MeetingAccessPolicy.assertMayReport(other, decision))).toBe('notFound');
    expect(code(() => MeetingAccessPolicy.assertMayReport(ent, decision))).toBe('forbidden');
    expect(code(() => MeetingAccessPolicy.assertMayReport(committee, decision))).toBe('forbidden');
    expect(
      [committee, admin, lead, ent].map((u) => code(() => MeetingAccessPolicy.assertRunsMeetings(u))),
    ).toEqual([null, null, 'forbidden', 'forbidden']);
    expect(code(() => MeetingAccessPolicy.assertMineAllowed(committee, true))).toBe('validation');
    expect(code(() => MeetingAccessPolicy.assertMineAllowed(lead, true))).toBeNull();
  });

  it('the SQL scopes: everything for the committee, a department’s own, an enterprise’s own, nothing for an instructor', () => {
    const sql = (u: AuthUser) => {
      const params: unknown[] = [];
      return [MeetingAccessPolicy.decisionSql(u, params), params];
    };
    expect(sql(committee)).toEqual(['true', []]);
    expect(sql(lead)).toEqual([
      '(d.lead_department_id = $1 OR $1 = ANY(d.co_handler_department_ids))',
      ['dep-tr'],
    ]);
    expect(sql(ent)).toEqual(['d.enterprise_id = $1', ['ent-1']]);
    expect(sql(instructor)).toEqual(['false', []]);
    const params: unknown[] = [];
    expect(MeetingAccessPolicy.meetingSql(lead, params)).toContain('ANY(m.invited_department_ids)');
    expect(params).toEqual(['dep-tr']);
    expect(MeetingAccessPolicy.meetingSql(ent, [])).toBe('false');
  });
});
