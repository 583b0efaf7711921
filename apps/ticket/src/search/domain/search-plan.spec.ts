import { facet } from './search-facets';
import { PlanQuery, SearchPlanner, SearchRound, SearchStatistics } from './search-plan';

const DAY = 86400_000;
const now = new Date('2026-12-04T04:00:00Z');
const dep = facet.department('hrss');

/** A million tickets over two years, as the bench has them. */
const stats: SearchStatistics = {
  rows: 1_000_000,
  perDay: 1370,
  oldest: new Date(now.getTime() - 730 * DAY),
  common: new Map([
    ['公司', 1],
    ['补贴', 0.07],
    ['变压', 0.036],
    ['压器', 0.036],
    ['水城', 0.1],
    ['水处', 0.06],
    [dep, 0.09],
    [facet.clock, 0.025],
    [facet.status('closed'), 0.93],
  ]),
  initials: new Map([['水', 0.3]]),
  floor: 0.0007,
  enterprises: 5000,
  clockPerDay: 900,
};

const query = (over: Partial<PlanQuery>): PlanQuery => ({
  terms: [],
  groups: [],
  walkable: [],
  from: null,
  to: null,
  identifier: false,
  initials: false,
  ...over,
});
const word = (...lexemes: string[]) => lexemes.map((lexeme) => ({ lexeme, prefix: false }));

/**
 * Runs a plan against tickets that match `perDay` a day (newest first from `until`): what each
 * round finds is what its range holds, capped at what it asked for.
 */
function run(q: PlanQuery, perDay: (at: Date) => number, want = 2001): SearchRound[] {
  const planner = new SearchPlanner(q, stats, now);
  const rounds: SearchRound[] = [];
  let got = 0;
  for (let r: SearchRound | null = planner.first(want); r;) {
    rounds.push(r);
    const lo = (r.since ?? stats.oldest!).getTime();
    const hi = Math.min((r.until ?? now).getTime(), now.getTime());
    let held = 0;
    for (let t = lo; t < hi; t += DAY / 4) held += perDay(new Date(t)) / 4;
    const limit = want - got;
    const found = Math.min(limit, Math.floor(held));
    got += found;
    r = planner.next(found, limit, want - got);
    if (rounds.length > 10) throw new Error('the plan does not end');
  }
  return rounds;
}

describe('search rounds', () => {
  it('reads newest ranges first, each ending where the last began, the last reaching everything left', () => {
    const cases: [PlanQuery, number][] = [
      [query({ terms: [word('补贴')] }), 20],
      [query({ terms: [word('补贴')], groups: [[dep]] }), 30], // denser in the department than guessed
      [query({ terms: [word('罕见')] }), 0.2],
      [query({ terms: [word('罕见')] }), 0],
      [query({ terms: [word('公司')], groups: [[dep]] }), 120],
    ];
    for (const [q, perDay] of cases) {
      const rounds = run(q, () => perDay);
      expect(rounds[0].until).toBeNull();
      for (let i = 1; i < rounds.length; i++) expect(rounds[i].until).toEqual(rounds[i - 1].since);
      expect(rounds.length).toBeLessThanOrEqual(4);
      // Fewer matches than wanted in all: the last round reaches back to the oldest ticket.
      const end = rounds[rounds.length - 1];
      if (perDay * 730 < 2001) expect([end.last, end.since]).toEqual([true, null]);
    }
  });

  it('stays within the dates asked for', () => {
    const from = new Date('2025-07-01T00:00:00+08:00');
    const to = new Date('2025-10-01T00:00:00+08:00');
    const rounds = run(
      query({ terms: [word('补贴')], groups: [[facet.status('closed')]], from, to }),
      () => 5,
    );
    expect(rounds[0].until).toEqual(to);
    expect(rounds[rounds.length - 1]).toMatchObject({ since: from, last: true });
    for (const r of rounds) expect(r.since!.getTime()).toBeGreaterThanOrEqual(from.getTime());
  });

  it('walks newest first when most tickets match, for a few days only', () => {
    const [first, ...rest] = run(query({ terms: [word('公司')] }), () => 1370);
    expect(first.mode).toBe('walk');
    expect(now.getTime() - first.since!.getTime()).toBeLessThan(4 * DAY);
    expect(rest).toEqual([]);
  });

  it('lets the GIN index intersect a rarer word with the range buckets, and looks further back when it found too few', () => {
    const rounds = run(query({ terms: [word('变压', '压器')] }), () => 25);
    expect(rounds[0]).toMatchObject({ mode: 'index', last: false });
    expect(rounds[0].window.length).toBeGreaterThan(0);
    expect(rounds[0].window.every((l) => l.startsWith('~w') || l.startsWith('~m'))).toBe(true);
    expect(rounds.length).toBe(2);
    // The second round is sized from what the first found: about 1.5 times what is still needed.
    const days = (rounds[1].until!.getTime() - rounds[1].since!.getTime()) / DAY;
    const firstFound = Math.floor((25 * (now.getTime() - rounds[0].since!.getTime())) / DAY);
    expect(days * 25).toBeGreaterThan(2001 - firstFound);
    expect(days * 25).toBeLessThan(2 * (2001 - firstFound));
  });

  it('looks a number or credit code up over all time, in one round', () => {
    const rounds = run(
      query({ terms: [[...word('cs', '2024'), { lexeme: '000268', prefix: true }]], identifier: true }),
      () => 0.001,
    );
    expect(rounds).toEqual([{ mode: 'index', since: null, until: null, window: [], last: true }]);
  });

  it("walks an enterprise's own tickets for its common words, over all time at once (they are few)", () => {
    const ent = facet.enterprise('e1');
    const rounds = run(query({ terms: [word('公司')], groups: [[ent]], walkable: [0] }), () => 0.27);
    expect(rounds).toEqual([{ mode: 'walk', since: null, until: null, window: [], last: true }]);
  });

  it('sizes an overdue search from the open tickets of late, not from their share of all years', () => {
    const rounds = run(query({ terms: [word('补贴')], groups: [[facet.clock]], walkable: [0] }), (at) =>
      at.getTime() > now.getTime() - 30 * DAY ? 60 : 0,
    );
    // 补贴 in 7 % of 900 open tickets a day: days, not months, and the index (buckets) not a walk.
    expect(now.getTime() - rounds[0].since!.getTime()).toBeLessThan(14 * DAY);
    expect(rounds[0]).toMatchObject({ mode: 'index' });
  });

  it('reads a lone character from the initials index as one entry, not a prefix gathering hundreds', () => {
    const lone = { lexeme: '水', prefix: true };
    // Through the initials: the character is an ordinary entry, the buckets narrow it.
    const dept = run(query({ terms: [[lone]], groups: [[dep]], initials: true }), () => 35);
    expect(dept[0]).toMatchObject({ mode: 'index' });
    expect(dept[0].window.length).toBeGreaterThan(0);
    // Common over all tickets: walked.
    expect(run(query({ terms: [[lone]], initials: true }), () => 400)[0].mode).toBe('walk');
  });

  it('stops when a round found all it asked for', () => {
    const planner = new SearchPlanner(query({ terms: [word('补贴')] }), stats, now);
    planner.first(2001);
    expect(planner.next(2001, 2001, 0)).toBeNull();
  });
});
