import { createChinaWorkCalendar } from '@ticketing/calendar';
import { planDemoQuarter } from './demo-plan';

const calendar = createChinaWorkCalendar();
const end = new Date('2026-12-03T13:00:00Z');
const enterprises = Array.from({ length: 20 }, (_, i) => ({ visitable: i % 3 === 0 }));
const plan = () => planDemoQuarter({ end, calendar, enterprises });

describe('the demo quarter plan', () => {
  const stories = plan();
  const moments = stories.flatMap((s) => [s.submitAt, ...s.steps.map((x) => x.at)]);

  it('is the same every time for the same end', () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(stories));
  });

  it('spreads about 150 tickets over the three months before the end, all at working moments', () => {
    expect(stories.length).toBeGreaterThanOrEqual(140);
    expect(stories.length).toBeLessThanOrEqual(150);
    const start = new Date('2026-09-03T13:00:00Z');
    for (const at of moments) {
      expect([at.toISOString(), at > start && at < end]).toEqual([at.toISOString(), true]);
      expect([at.toISOString(), calendar.isWorkingTime(at)]).toEqual([at.toISOString(), true]);
    }
    const months = new Set(stories.map((s) => calendar.localDate(s.submitAt).slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    // Later months bring more tickets than the first.
    const inMonth = (m: string) => stories.filter((s) => calendar.localDate(s.submitAt).startsWith(m)).length;
    expect(inMonth('2026-11')).toBeGreaterThan(inMonth('2026-09'));
  });

  it('gives every ticket a problem of its category, and a transfer only where one makes sense', () => {
    for (const s of stories) {
      expect(s.problem?.title).toEqual(expect.any(String));
      if (s.steps.some((x) => x.kind === 'requestTransfer')) expect(s.problem.transfer).toBeDefined();
    }
  });

  it('orders each ticket’s steps, one moment after the other', () => {
    for (const s of stories) {
      const times = [s.submitAt, ...s.steps.map((x) => x.at)].map((d) => d.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(times.length);
    }
  });

  it('holds every kind of step, every channel, and tickets still open at the end', () => {
    const kinds = new Set(stories.flatMap((s) => s.steps.map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(
      [
        'acknowledge',
        'assignFromTriage',
        'callback',
        'close',
        'decideExtension',
        'decideTransfer',
        'feedback',
        'interimReply',
        'reopen',
        'reply',
        'reportParts',
        'requestExtension',
        'requestTransfer',
        'resolve',
        'supervise',
        'withdraw',
      ].sort(),
    );
    expect(new Set(stories.map((s) => s.submitter.by))).toEqual(
      new Set(['enterprise', 'visit', 'committee']),
    );
    expect(
      stories
        .filter((s) => s.submitter.by === 'visit')
        .every((s) => enterprises[s.enterpriseIndex].visitable),
    ).toBe(true);
    const ended = (s: (typeof stories)[number]) =>
      s.steps.some((x) => x.kind === 'withdraw' || x.kind === 'close' || x.kind === 'callback') ||
      s.steps.some((x) => x.kind === 'feedback' && x.satisfaction !== 'unsatisfied');
    const open = stories.filter((s) => !ended(s));
    expect(open.length).toBeGreaterThanOrEqual(10);
    expect(open.some((s) => s.steps.length === 0)).toBe(true); // just submitted
    const ratings = stories.flatMap((s) => s.steps.filter((x) => x.kind === 'feedback'));
    const satisfied = ratings.filter((x) => x.kind === 'feedback' && x.satisfaction === 'satisfied').length;
    expect(satisfied / ratings.length).toBeGreaterThan(0.5);
    expect(ratings.some((x) => x.kind === 'feedback' && x.satisfaction === 'unsatisfied')).toBe(true);
  });
});
