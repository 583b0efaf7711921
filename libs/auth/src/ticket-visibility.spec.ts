import { AuthUser } from './auth-user';
import { TicketScope, TicketVisibility } from './ticket-visibility';

const ticket: TicketScope = {
  enterpriseId: 'e1',
  gridId: 'g1',
  leadDepartmentId: 'd1',
  coHandlerDepartmentIds: ['d2'],
};
const user = (u: Partial<AuthUser> & Pick<AuthUser, 'role'>): AuthUser => ({ id: 'u', name: 'U', ...u });

describe('TicketVisibility', () => {
  it.each([
    ['its enterprise', user({ role: 'enterprise', enterpriseId: 'e1' }), true],
    ['another enterprise', user({ role: 'enterprise', enterpriseId: 'e2' }), false],
    ['an enterprise user without an enterprise', user({ role: 'enterprise' }), false],
    ['an instructor of its grid', user({ role: 'instructor', gridIds: ['g0', 'g1'] }), true],
    ['an instructor of other grids', user({ role: 'instructor', gridIds: ['g2'] }), false],
    ['the lead department', user({ role: 'department', departmentId: 'd1' }), true],
    ['a co-handling department', user({ role: 'department', departmentId: 'd2' }), true],
    ['another department', user({ role: 'department', departmentId: 'd3' }), false],
    ['the committee', user({ role: 'committee' }), true],
    ['an admin', user({ role: 'admin' }), true],
  ])('%s: %s', (_who, u, sees) => {
    expect(TicketVisibility.canSee(u, ticket)).toBe(sees);
  });

  it('answers 404 for a ticket the caller cannot see, and for an unknown one', () => {
    const other = user({ role: 'department', departmentId: 'd3' });
    expect(() => TicketVisibility.assertCanSee(other, 't1', ticket)).toThrow(
      expect.objectContaining({ code: 'notFound' }),
    );
    expect(() => TicketVisibility.assertCanSee(user({ role: 'committee' }), 't1', null)).toThrow(
      expect.objectContaining({ code: 'notFound' }),
    );
  });
});
