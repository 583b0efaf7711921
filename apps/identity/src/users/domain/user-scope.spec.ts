import { resolveUserScope } from './user-scope';

const E = '0193a000-0000-7000-8000-0000000000e1';
const D = '0193a000-0000-7000-8000-000000000001';
const G = '0193a000-0000-7000-8000-0000000000a1';

describe('resolveUserScope', () => {
  it('requires the scope that fits the role', () => {
    expect(resolveUserScope('enterprise', null, {}, true).problems).toEqual([
      { field: 'enterpriseId', messages: ['enterpriseId is required for role enterprise'] },
    ]);
    expect(resolveUserScope('department', null, {}, true).problems[0].field).toBe('departmentId');
    expect(resolveUserScope('instructor', null, { gridIds: [] }, true).problems[0].field).toBe('gridIds');
    expect(resolveUserScope('committee', null, {}, true).problems).toEqual([]);
  });

  it('refuses a scope that does not fit the role', () => {
    const r = resolveUserScope('admin', null, { departmentId: D }, true);
    expect(r.problems).toEqual([
      { field: 'departmentId', messages: ['departmentId must be empty for role admin'] },
    ]);
  });

  it('keeps the current scope when the role stays and nothing is given', () => {
    const r = resolveUserScope(
      'instructor',
      { enterpriseId: null, departmentId: null, gridIds: [G] },
      {},
      false,
    );
    expect(r).toEqual({ scope: { enterpriseId: null, departmentId: null, gridIds: [G] }, problems: [] });
  });

  it('drops scope of the old role when the role changes', () => {
    const r = resolveUserScope('committee', { enterpriseId: E, departmentId: null, gridIds: [] }, {}, true);
    expect(r).toEqual({ scope: { enterpriseId: null, departmentId: null, gridIds: [] }, problems: [] });
  });

  it('removes duplicate grids', () => {
    expect(resolveUserScope('instructor', null, { gridIds: [G, G] }, true).scope.gridIds).toEqual([G]);
  });
});
