import { DEFAULT_WORKING_HOURS, parseClock, validateWorkingHours } from './working-hours';

describe('working hours', () => {
  it('default is 09:00–12:00 and 13:30–17:30, and valid', () => {
    expect(DEFAULT_WORKING_HOURS).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(validateWorkingHours(DEFAULT_WORKING_HOURS)).toEqual([]);
  });

  it('parses clocks, 24:00 included', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('13:30')).toBe(810);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '12:60', '9:00', '09:0', '0900', '', 9, null])
      expect(parseClock(bad)).toBeUndefined();
  });

  it('accepts touching periods and a whole day', () => {
    expect(
      validateWorkingHours([
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '13:00' },
      ]),
    ).toEqual([]);
    expect(validateWorkingHours([{ start: '00:00', end: '24:00' }])).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an array', { start: '09:00', end: '12:00' }, /must be an array/],
    ['empty', [], /at least one period/],
    ['not an object', ['09:00-12:00'], /must be an object/],
    ['malformed start', [{ start: '9:00', end: '12:00' }], /start must be HH:MM/],
    ['malformed end', [{ start: '09:00', end: '12:61' }], /end must be HH:MM/],
    ['start 24:00', [{ start: '24:00', end: '24:00' }], /start cannot be 24:00/],
    ['start after end', [{ start: '12:00', end: '09:00' }], /start must be before end/],
    ['empty period', [{ start: '12:00', end: '12:00' }], /start must be before end/],
    [
      'overlap',
      [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
      /overlaps or precedes/,
    ],
    [
      'out of order',
      [
        { start: '13:30', end: '17:30' },
        { start: '09:00', end: '12:00' },
      ],
      /overlaps or precedes/,
    ],
  ])('rejects %s', (_label, hours, message) => {
    const errors = validateWorkingHours(hours);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });
});
