import { SYSTEM_ACTOR } from '@ticketing/contracts';
import { callerActor, departmentState, ids, T0 } from '../../identity-spec.fixture';
import { Department } from './department.aggregate';

const later = new Date(T0.getTime() + 60_000);

describe('Department', () => {
  it('is registered at version 1, announced with its names and audited with what was asked for', () => {
    const d = Department.register(
      { id: ids.tax, code: 'tax', nameZh: '税务局', nameEn: null, active: true },
      callerActor,
      T0,
      { code: 'tax', nameZh: '税务局' },
    );
    expect(d.version).toBe(1);
    expect(d.pullChanges()).toEqual({
      events: [
        {
          type: 'directory.department-upserted',
          version: 1,
          actor: callerActor,
          at: T0,
          payload: { id: ids.tax, code: 'tax', name: '税务局', nameEn: null, active: true },
        },
      ],
      audit: [
        { action: 'department.created', actor: callerActor, details: { code: 'tax', nameZh: '税务局' } },
      ],
    });
    expect(d.pullChanges()).toEqual({ events: [], audit: [] });
  });

  it('is seeded by the system, announced but not audited', () => {
    const d = Department.seed(
      { id: ids.tax, code: 'tax', nameZh: '税务局', nameEn: 'Tax', active: true },
      T0,
    );
    const changes = d.pullChanges();
    expect(changes.events.map((e) => [e.type, e.actor])).toEqual([
      ['directory.department-upserted', SYSTEM_ACTOR],
    ]);
    expect(changes.audit).toEqual([]);
  });

  it('applies what changed: a new version, the time, the new state announced', () => {
    const d = Department.fromState(departmentState());
    expect(
      d.update({ nameZh: '人社局（新）', nameEn: null }, callerActor, later, { nameZh: '人社局（新）' }),
    ).toBe(true);
    expect([d.nameZh, d.nameEn, d.version, d.updatedAt]).toEqual(['人社局（新）', null, 2, later]);
    const { events, audit } = d.pullChanges();
    expect(events).toEqual([
      expect.objectContaining({
        version: 2,
        payload: { id: ids.hrss, code: 'hrss', name: '人社局（新）', nameEn: null, active: true },
      }),
    ]);
    expect(audit).toEqual([
      { action: 'department.updated', actor: callerActor, details: { nameZh: '人社局（新）' } },
    ]);
  });

  it('changes nothing when every value asked for is the current one', () => {
    const d = Department.fromState(departmentState());
    expect(
      d.update({ nameZh: '人社局', active: true }, callerActor, later, { nameZh: '人社局', active: true }),
    ).toBe(false);
    expect([d.version, d.updatedAt]).toEqual([1, T0]);
    expect(d.pullChanges()).toEqual({ events: [], audit: [] });
  });
});
