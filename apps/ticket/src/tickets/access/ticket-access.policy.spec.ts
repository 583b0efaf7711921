import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { TicketAccessPolicy } from './ticket-access.policy';

const ticket = {
  id: 't-1',
  enterpriseId: 'ent-a',
  gridId: 'grid-a',
  leadDepartmentId: 'dep-lead',
  coHandlerDepartmentIds: ['dep-co'],
};
const u = (over: Partial<AuthUser> & Pick<AuthUser, 'role'>): AuthUser => ({ id: 'u', name: 'n', ...over });

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('TicketAccessPolicy', () => {
  it.each([
    ['own enterprise', u({ role: 'enterprise', enterpriseId: 'ent-a' }), true],
    ['other enterprise', u({ role: 'enterprise', enterpriseId: 'ent-b' }), false],
    ['enterprise without a claim', u({ role: 'enterprise' }), false],
    ['instructor of the grid', u({ role: 'instructor', gridIds: ['grid-x', 'grid-a'] }), true],
    ['instructor of another grid', u({ role: 'instructor', gridIds: ['grid-b'] }), false],
    ['lead department', u({ role: 'department', departmentId: 'dep-lead' }), true],
    ['co-handling department', u({ role: 'department', departmentId: 'dep-co' }), true],
    ['uninvolved department', u({ role: 'department', departmentId: 'dep-x' }), false],
    ['committee', u({ role: 'committee' }), true],
    ['admin', u({ role: 'admin' }), true],
  ])('%s: sees=%s', (_, user, sees) => {
    expect(TicketAccessPolicy.canSee(user, ticket)).toBe(sees);
  });

  it('an instructor cannot see a ticket without a grid', () => {
    expect(
      TicketAccessPolicy.canSee(u({ role: 'instructor', gridIds: ['grid-a'] }), { ...ticket, gridId: null }),
    ).toBe(false);
  });

  it('hides what the caller cannot see (notFound) before refusing what they may not do (forbidden)', () => {
    const lead = u({ role: 'department', departmentId: 'dep-lead' });
    const co = u({ role: 'department', departmentId: 'dep-co' });
    const stranger = u({ role: 'department', departmentId: 'dep-x' });
    expect(codeOf(() => TicketAccessPolicy.assertMay(stranger, 'acknowledge', ticket))).toBe('notFound');
    expect(codeOf(() => TicketAccessPolicy.assertMay(co, 'acknowledge', ticket))).toBe('forbidden');
    expect(codeOf(() => TicketAccessPolicy.assertMay(lead, 'acknowledge', ticket))).toBeNull();
    expect(codeOf(() => TicketAccessPolicy.assertMay(lead, 'reportPart', ticket))).toBe('forbidden');
    expect(codeOf(() => TicketAccessPolicy.assertMay(co, 'reportPart', ticket))).toBeNull();
    expect(codeOf(() => TicketAccessPolicy.assertMay(u({ role: 'admin' }), 'supervise', ticket))).toBe(
      'forbidden',
    );
    expect(codeOf(() => TicketAccessPolicy.assertMay(u({ role: 'committee' }), 'withdraw', ticket))).toBe(
      'forbidden',
    );
    // System-only actions are nobody's to call over HTTP.
    expect(codeOf(() => TicketAccessPolicy.assertMay(u({ role: 'committee' }), 'assign', ticket))).toBe(
      'forbidden',
    );
  });

  it('scopes lists the same way in SQL', () => {
    expect(TicketAccessPolicy.sqlScope(u({ role: 'committee' }))).toBeNull();
    expect(TicketAccessPolicy.sqlScope(u({ role: 'enterprise', enterpriseId: 'ent-a' }))).toEqual({
      sql: 't.enterprise_id = :scopeEnterprise',
      params: { scopeEnterprise: 'ent-a' },
    });
    expect(TicketAccessPolicy.sqlScope(u({ role: 'department' }))!.params).toEqual({ scopeDepartment: '' });
  });
});
