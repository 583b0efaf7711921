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

  it.each([
    ['own enterprise', u({ role: 'enterprise', enterpriseId: 'ent-a' }), false],
    ['instructor of the grid', u({ role: 'instructor', gridIds: ['grid-a'] }), false],
    ['lead department', u({ role: 'department', departmentId: 'dep-lead' }), true],
    ['co-handling department', u({ role: 'department', departmentId: 'dep-co' }), true],
    ['uninvolved department', u({ role: 'department', departmentId: 'dep-x' }), false],
    ['committee', u({ role: 'committee' }), true],
    ['admin', u({ role: 'admin' }), false],
  ])('internal notes: %s reads them=%s', (_, user, reads) => {
    expect(TicketAccessPolicy.canReadNotes(user, ticket)).toBe(reads);
    expect(codeOf(() => TicketAccessPolicy.assertMay(user, 'addNote', ticket)) === null).toBe(reads);
  });

  it('messages are for every party; questions and handlers for the lead; merge, link, callback for the committee', () => {
    const who = {
      enterprise: u({ role: 'enterprise', enterpriseId: 'ent-a' }),
      instructor: u({ role: 'instructor', gridIds: ['grid-a'] }),
      lead: u({ role: 'department', departmentId: 'dep-lead' }),
      co: u({ role: 'department', departmentId: 'dep-co' }),
      committee: u({ role: 'committee' }),
      admin: u({ role: 'admin' }),
    };
    const allowed = (action: Parameters<typeof TicketAccessPolicy.assertMay>[1]) =>
      Object.entries(who)
        .filter(([, user]) => codeOf(() => TicketAccessPolicy.assertMay(user, action, ticket)) === null)
        .map(([name]) => name);
    expect(allowed('postMessage')).toEqual(['enterprise', 'instructor', 'lead', 'co', 'committee']);
    expect(allowed('requestInformation')).toEqual(['lead']);
    expect(allowed('provideInformation')).toEqual(['enterprise', 'instructor']);
    expect(allowed('assignHandler')).toEqual(['lead']);
    for (const action of ['merge', 'link', 'recordCallback'] as const)
      expect(allowed(action)).toEqual(['committee']);
  });

  it('committee staff name the enterprise they log a call for', () => {
    expect(codeOf(() => TicketAccessPolicy.enterpriseToSubmitFor(u({ role: 'committee' }), undefined))).toBe(
      'validation',
    );
    expect(TicketAccessPolicy.enterpriseToSubmitFor(u({ role: 'committee' }), 'ent-a')).toBe('ent-a');
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
