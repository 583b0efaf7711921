import { errorsOf } from '../../handler-spec.fixture';
import { DomainError } from '@ticketing/contracts';
import { Calendar } from './calendar.aggregate';

const create = (workingHours = [{ start: '09:00', end: '17:00' }], timeZone = 'Asia/Shanghai') =>
  Calendar.create({
    id: 'zone-east',
    name: '东区',
    nameEn: null,
    timeZone,
    workingHours,
    notices: [],
    by: 'u-admin',
  });

const problem = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
};

describe('Calendar', () => {
  it('refuses hours and zones the calendar library refuses, naming the field', () => {
    const hours = problem(() => create([{ start: '12:00', end: '09:00' }]));
    expect(hours.message).toMatch(/^calendar rejected: workingHours: /);
    const zone = problem(() => create(undefined, 'Mars/Olympus'));
    expect(errorsOf(zone).map((e: { field: string }) => e.field)).toEqual(['timeZone']);
  });

  it('moves its version and asks for a recompute when the hours change, and not when they stay', () => {
    const c = create();
    expect(c.setWorkingHours([{ start: '09:00', end: '17:00' }])).toBe(false);
    expect([c.version, c.recomputeReason]).toEqual([1, null]);
    expect(c.setWorkingHours([{ start: '08:00', end: '16:00' }])).toBe(true);
    expect([c.version, c.recomputeReason, c.workingHoursChanged]).toEqual([2, 'working hours changed', true]);
  });

  it('loads a notice once per year', () => {
    const c = create();
    const notice = {
      year: 2027,
      title: 't',
      reference: 'r',
      publishedOn: '2026-11-10',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
      makeUpWorkdays: [],
    };
    expect(c.loadNotice(notice, 'u-admin').year).toBe(2027);
    expect([c.version, c.recomputeReason]).toEqual([2, 'notice 2027 loaded']);
    expect(problem(() => c.loadNotice(notice, 'u-admin')).message).toContain(
      'a notice for 2027 is already loaded',
    );
    expect(c.newNotices).toHaveLength(1);
  });
});
