import { errorsOf } from '../../handler-spec.fixture';
import { DomainError } from '@ticketing/contracts';
import { Policy } from './policy.aggregate';

const definition = {
  calendarId: 'default',
  timers: { resolve: { duration: { amount: 3, unit: 'working_days' } } },
};
const neighbours = { activeOthers: [], workingDayMs: { default: 7 * 3_600_000 } };
const create = (over: Partial<Parameters<typeof Policy.create>[0]> = {}) =>
  Policy.create({
    id: 'p-1',
    name: 'labour urgent',
    nameEn: null,
    subject: 'ticket',
    category: 'labour',
    urgency: 'urgent',
    definition,
    createdBy: 'u-1',
    knownCalendars: ['default'],
    coveredBy: null,
    neighbours,
    ...over,
  });

const problem = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
};

describe('Policy', () => {
  it('refuses, in this order, an unknown scope, a bad definition, and a scope another policy covers', () => {
    expect(errorsOf(problem(() => create({ urgency: 'someday', definition: {} })))[0].field).toBe('urgency');
    expect(
      errorsOf(problem(() => create({ definition: {}, coveredBy: { id: 'p-0', name: 'x' } })))[0].field,
    ).toBe('definition.calendarId');
    expect(problem(() => create({ coveredBy: { id: 'p-0', name: 'x' } })).message).toBe(
      'policy rejected: category: policy p-0 (x) already covers labour × urgent; edit it instead',
    );
  });

  it('revises into a new version only when the name or the definition changes, however the definition is spelled', () => {
    const p = Policy.restore(create().state, 'u-1');
    const respelled = {
      timers: { resolve: { pauseWhen: [], duration: { unit: 'working_days', amount: 3 } } },
      calendarId: 'default',
    };
    expect(
      p.revise({
        expectedVersion: 1,
        name: null,
        nameEn: null,
        definition: respelled,
        by: 'u-2',
        knownCalendars: ['default'],
        neighbours,
      }),
    ).toBe(false);
    expect(p.pendingChange).toEqual({ kind: 'none' });
    expect(
      p.revise({
        expectedVersion: 1,
        name: 'renamed',
        nameEn: null,
        definition,
        by: 'u-2',
        knownCalendars: ['default'],
        neighbours,
      }),
    ).toBe(true);
    expect([p.version, p.state.name, p.createdBy, p.pendingChange]).toEqual([
      2,
      'renamed',
      'u-2',
      { kind: 'revised', previousVersion: 1 },
    ]);
  });

  it('refuses an edit of a version the caller did not see', () => {
    const p = Policy.restore(create().state, 'u-1');
    const e = problem(() =>
      p.revise({
        expectedVersion: 3,
        name: null,
        nameEn: null,
        definition,
        by: 'u-2',
        knownCalendars: ['default'],
        neighbours,
      }),
    );
    expect([e.code, e.details]).toEqual(['versionConflict', { currentVersion: 1 }]);
  });

  it('refuses a version whose reply could come after its resolution, and keeps the version it had', () => {
    const late = {
      calendarId: 'default',
      timers: {
        resolve: { duration: { amount: 24, unit: 'hours' } },
        reply: { duration: { amount: 10, unit: 'working_days' } },
      },
    };
    const e = problem(() => create({ definition: late }));
    expect(errorsOf(e).map((f) => f.field)).toEqual(['definition.timers.reply.duration']);
    expect(e.message).toMatch(
      /could come after the resolution deadline \(24 hours, policy labour urgent\) for labour × urgent/,
    );
    const p = Policy.restore(create().state, 'u-1');
    expect(() =>
      p.revise({
        expectedVersion: 1,
        name: null,
        nameEn: null,
        definition: late,
        by: 'u-2',
        knownCalendars: ['default'],
        neighbours,
      }),
    ).toThrow(/reply deadline/);
    expect([p.version, p.pendingChange]).toEqual([1, { kind: 'none' }]);
  });

  it('judges a narrow policy with the policies it falls back on: a shorter resolution under a wider reply is refused', () => {
    const zoneWide = Policy.create({
      id: 'p-0',
      name: '默认时限',
      nameEn: null,
      subject: 'ticket',
      category: '*',
      urgency: '*',
      definition: {
        calendarId: 'default',
        timers: {
          resolve: { duration: { amount: 5, unit: 'working_days' } },
          reply: { duration: { amount: 3, unit: 'working_days' } },
        },
      },
      createdBy: 'seed',
      knownCalendars: ['default'],
      coveredBy: null,
      neighbours,
    }).state;
    const withZoneWide = { ...neighbours, activeOthers: [zoneWide] };
    const short = {
      calendarId: 'default',
      timers: { resolve: { duration: { amount: 14, unit: 'working_hours' } } },
    };
    // 14 working hours may be 2 working days, less than the 3 of the reply: refused.
    expect(
      errorsOf(problem(() => create({ definition: short, neighbours: withZoneWide }))).map((f) => f.field),
    ).toEqual(['definition.timers.resolve.duration']);
    // 28 working hours always last as long as 3 working days: those end at most 4 working days of 7 hours later (the rest of the first day, then 3).
    const long = {
      calendarId: 'default',
      timers: { resolve: { duration: { amount: 28, unit: 'working_hours' } } },
    };
    expect(create({ definition: long, neighbours: withZoneWide }).version).toBe(1);
  });
});
