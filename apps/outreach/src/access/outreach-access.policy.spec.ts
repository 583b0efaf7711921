import { DomainError } from '@ticketing/contracts';
import { people } from '../shared/handler-spec.fixture';
import { OutreachAccessPolicy as P } from './outreach-access.policy';

const ent1 = { id: 'ent-1', gridId: 'grid-1' };
const need = { id: 'n-1', enterpriseId: 'ent-1', gridId: 'grid-1', ownerDepartmentId: 'dep-1' };
const visit = { id: 'v-1', enterpriseId: 'ent-1', instructorUserId: 'u-ins' };
const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('OutreachAccessPolicy', () => {
  it('an enterprise’s file: itself, the instructors of its grid, departments, the committee', () => {
    const sees = Object.fromEntries(Object.entries(people).map(([k, u]) => [k, P.canSeeEnterprise(u, ent1)]));
    expect(sees).toEqual({
      instructor: true,
      otherInstructor: false,
      enterprise: true,
      otherEnterprise: false,
      department: true,
      otherDepartment: true,
      committee: true,
      admin: true,
    });
  });

  it('a need: its enterprise, its grid’s instructor, the department it is routed to, the committee', () => {
    const sees = Object.fromEntries(Object.entries(people).map(([k, u]) => [k, P.canSeeNeed(u, need)]));
    expect(sees).toEqual({
      instructor: true,
      otherInstructor: false,
      enterprise: true,
      otherEnterprise: false,
      department: true,
      otherDepartment: false,
      committee: true,
      admin: true,
    });
  });

  it('a visit: the instructor who recorded it, the enterprise visited (without notes), the committee', () => {
    const sees = Object.fromEntries(Object.entries(people).map(([k, u]) => [k, P.canSeeVisit(u, visit)]));
    expect(sees).toEqual({
      instructor: true,
      otherInstructor: false,
      enterprise: true,
      otherEnterprise: false,
      department: false,
      otherDepartment: false,
      committee: true,
      admin: true,
    });
    expect(P.seesVisitNotes(people.enterprise)).toBe(false);
  });

  it('who changes what on a need: a 404 when unseen, a 403 when seen but not theirs to do', () => {
    expect(code(() => P.assertMayChangeNeed(people.otherDepartment, need, { note: 'x' }))).toBe('notFound');
    expect(code(() => P.assertMayChangeNeed(people.department, need, { status: 'met' }))).toBeNull();
    expect(code(() => P.assertMayChangeNeed(people.department, need, { ownerDepartmentId: 'dep-2' }))).toBe(
      'forbidden',
    );
    expect(
      code(() => P.assertMayChangeNeed(people.enterprise, need, { status: 'closed', note: '不需要了' })),
    ).toBeNull();
    expect(code(() => P.assertMayChangeNeed(people.enterprise, need, { status: 'met' }))).toBe('forbidden');
    expect(
      code(() => P.assertMayChangeNeed(people.committee, need, { ownerDepartmentId: 'dep-2' })),
    ).toBeNull();
  });

  it('instructor records: an instructor gets their own, asking for another’s is a 404; the committee chooses', () => {
    expect(P.instructorFilter(people.instructor, undefined)).toBe('u-ins');
    expect(code(() => P.instructorFilter(people.instructor, 'u-ins-2'))).toBe('notFound');
    expect(P.instructorFilter(people.committee, undefined)).toBeNull();
    expect(P.instructorFilter(people.admin, 'u-ins-2')).toBe('u-ins-2');
    expect(code(() => P.instructorFilter(people.department, undefined))).toBe('forbidden');
  });

  it('the SQL scopes bind the caller’s own ids as parameters', () => {
    const params: unknown[] = [];
    expect(P.needSql(people.department, params)).toBe('n.owner_department_id = $1');
    expect(P.visitSql(people.enterprise, params)).toBe('v.enterprise_id = $2');
    expect(P.enterpriseSql(people.instructor, params)).toBe('e.grid_id = ANY($3)');
    expect(params).toEqual(['dep-1', 'ent-1', ['grid-1']]);
    expect(P.visitSql(people.committee, params)).toBeNull();
  });
});
