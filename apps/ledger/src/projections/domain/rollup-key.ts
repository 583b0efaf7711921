import { TicketFact } from './ticket-fact';

/** One row of the monthly rollup: a department's tickets of one category, grid and month. */
export interface RollupKey {
  departmentId: string;
  category: string;
  gridId: string;
  month: string;
}

/** The rollup rows a fact counts in: its current lead's, and each former lead's (stints). */
export function keysOf(fact: TicketFact | undefined): RollupKey[] {
  if (!fact) return [];
  const base = { category: fact.category, gridId: fact.gridId, month: fact.month };
  return [
    { ...base, departmentId: fact.departmentId },
    ...fact.stints.map((s) => ({ ...base, departmentId: s.departmentId })),
  ];
}
