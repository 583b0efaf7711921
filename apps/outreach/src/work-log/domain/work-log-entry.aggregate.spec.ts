import { DomainError } from '@ticketing/contracts';
import { WorkLogEntry } from './work-log-entry.aggregate';

const AT = new Date('2026-03-10T02:00:00Z');
const entry = (over: Partial<Parameters<typeof WorkLogEntry.log>[0]> = {}) =>
  WorkLogEntry.log({
    id: 'w-1',
    instructorUserId: 'u-ins',
    day: '2026-03-09',
    kind: 'activity',
    title: ' 组织党建联建活动 ',
    content: '三家企业参加',
    enterpriseId: null,
    hours: 2.5,
    at: AT,
    actor: { id: 'u-ins', role: 'instructor' },
    ...over,
  });

describe('WorkLogEntry', () => {
  it('logs a day’s work: outreach.work-logged with the instructor, day and month', () => {
    const [c] = entry().pullChanges();
    expect(c).toMatchObject({
      eventType: 'outreach.work-logged',
      payload: {
        instructorUserId: 'u-ins',
        day: '2026-03-09',
        month: '2026-03',
        kind: 'activity',
        title: '组织党建联建活动',
        hours: 2.5,
      },
    });
  });

  it('refuses a day that is not one, one in the future, and hours out of a day, naming each', () => {
    const e = (over: Parameters<typeof entry>[0]) => {
      try {
        entry(over);
      } catch (x) {
        return (x as DomainError).details.errors;
      }
    };
    expect(e({ day: '2026-02-30' })).toEqual([
      { field: 'day', messages: ['must be a calendar day (YYYY-MM-DD)'] },
    ]);
    expect(e({ day: '2026-03-11' })).toEqual([{ field: 'day', messages: ['cannot be in the future'] }]);
    expect(e({ hours: 25, title: '' })).toEqual([
      { field: 'title', messages: ['title is required'] },
      { field: 'hours', messages: ['must be more than 0 and at most 24, in tenths'] },
    ]);
  });
});
