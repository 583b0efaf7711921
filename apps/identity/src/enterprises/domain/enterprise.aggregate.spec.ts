import { callerActor, enterpriseState, ids, T0 } from '../../identity-spec.fixture';
import { Enterprise } from './enterprise.aggregate';

const later = new Date(T0.getTime() + 60_000);

describe('Enterprise', () => {
  it('is registered with its contacts normalised (no e-mail is null), announced and audited', () => {
    const e = Enterprise.register(
      {
        id: ids.lvyuan,
        name: '六枝特区绿源茶业有限公司',
        creditCode: '91110000600037341L',
        industry: null,
        address: null,
        gridId: null,
        contacts: [{ name: '杨秀英', phone: '15185890633' }],
        active: true,
      },
      callerActor,
      T0,
      { name: '六枝特区绿源茶业有限公司', creditCode: '91110000600037341L' },
    );
    expect(e.contacts).toEqual([{ name: '杨秀英', phone: '15185890633', email: null }]);
    const { events, audit } = e.pullChanges();
    expect(events).toEqual([
      {
        type: 'directory.enterprise-upserted',
        version: 1,
        actor: callerActor,
        at: T0,
        payload: {
          id: ids.lvyuan,
          name: '六枝特区绿源茶业有限公司',
          creditCode: '91110000600037341L',
          gridId: null,
          contacts: [{ name: '杨秀英', phone: '15185890633', email: null }],
          active: true,
          industry: null,
          address: null,
        },
      },
    ]);
    expect(audit).toEqual([
      {
        action: 'enterprise.created',
        actor: callerActor,
        details: { name: '六枝特区绿源茶业有限公司', creditCode: '91110000600037341L' },
      },
    ]);
  });

  it('applies a change of grid and contacts in one new version', () => {
    const e = Enterprise.fromState(enterpriseState());
    const change = {
      gridId: ids.west,
      contacts: [{ name: '王建国', phone: '13885810231', email: 'w@example.cn' }],
    };
    expect(e.update(change, callerActor, later, change)).toBe(true);
    expect([e.version, e.gridId, e.updatedAt]).toEqual([2, ids.west, later]);
    const { events, audit } = e.pullChanges();
    expect(events[0]).toMatchObject({ version: 2, payload: { gridId: ids.west, contacts: change.contacts } });
    expect(audit.map((a) => a.action)).toEqual(['enterprise.updated']);
  });

  it('changes nothing when the values asked for are the current ones (an absent e-mail equals null)', () => {
    const e = Enterprise.fromState(enterpriseState());
    const change = {
      name: '六枝特区恒达机械制造有限公司',
      gridId: ids.east,
      contacts: [{ name: '王建国', phone: '13885810231' }],
      active: true,
    };
    expect(e.update(change, callerActor, later, change)).toBe(false);
    expect([e.version, e.updatedAt]).toEqual([1, T0]);
    expect(e.pullChanges()).toEqual({ events: [], audit: [] });
  });

  it('clears a field given null', () => {
    const e = Enterprise.fromState(enterpriseState());
    expect(e.update({ industry: null, address: null }, callerActor, later, {})).toBe(true);
    expect([e.industry, e.address]).toEqual([null, null]);
  });
});
