import { NameBook } from '../../shared/name-book';
import { Counters } from './counters';
import { rankingScore, rates, Rates } from './figures';

export interface RankingRow {
  rank: number;
  departmentId: string;
  name: string;
  score: number | null;
  received: number;
  rates: Rates;
}

/** Departments of one month, best first, by the documented score. */
export function rankDepartments(
  rows: { key: string; counters: Counters }[],
  names: NameBook,
  weight: number,
): RankingRow[] {
  const scored = rows
    .filter((r) => r.key !== '')
    .map((r) => {
      const rs = rates(r.counters, weight);
      return {
        departmentId: r.key,
        name: names.department(r.key),
        score: rankingScore(rs),
        received: r.counters.received,
        rates: rs,
      };
    })
    .sort(
      (a, b) =>
        (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
        b.received - a.received ||
        a.name.localeCompare(b.name, 'zh'),
    );
  return scored.map((r, i) => ({ rank: i + 1, ...r }));
}
