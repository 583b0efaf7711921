import { formatTicketNumber, numberingYear } from './ticket-numbers';

describe('ticket numbers', () => {
  it('number by the year in Beijing time, not UTC: the new year starts at 16:00 UTC on 31 December', () => {
    expect(numberingYear(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(numberingYear(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(numberingYear(new Date('2027-06-30T23:00:00.000Z'))).toBe(2027);
  });

  it('write six digits after the year', () => {
    expect(formatTicketNumber(2027, 42)).toBe('CS-2027-000042');
  });
});
