/**
 * Facets: the ticket's scope, filter values and time buckets written into its `tsvector` as
 * lexemes the text can never produce (they start with `~`; text tokens are letters, digits and
 * Han characters). The GIN index then intersects the words with "this department", "closed",
 * "these weeks" by itself, so a search reads only the rows that match everything — the cost of a
 * query is bounded by its answer, not by how common its words are (ADR 0015).
 */

export interface FacetSource {
  enterpriseId: string;
  gridId: string | null;
  departmentIds: string[];
  status: string;
  category: string;
  channel: string;
  submittedAt: Date;
}

const BEIJING = 8 * 3600_000;
const WEEK = 7 * 86400_000;
/** 1970-01-05 was a Monday: weeks start on Monday, Beijing time. */
const MONDAY = 4 * 86400_000;

export const facet = {
  enterprise: (id: string) => `~e${id}`,
  grid: (id: string) => `~g${id}`,
  department: (id: string) => `~d${id}`,
  status: (s: string) => `~s${s}`,
  category: (c: string) => `~c${c}`,
  channel: (c: string) => `~h${c}`,
  week: (at: Date) => `~w${Math.floor((at.getTime() + BEIJING - MONDAY) / WEEK)}`,
  month: (at: Date) => {
    const d = new Date(at.getTime() + BEIJING);
    return `~m${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  },
  /**
   * The ticket has a clock that can make it overdue (a respond or resolve deadline, or a red
   * card). Not written by facetLexemes: it follows ticket.ticket_deadlines, kept in the row by the
   * database (migration 1765810000000), so an overdue search reads only such tickets.
   */
  clock: '~k',
};

export function facetLexemes(s: FacetSource): string[] {
  return [
    facet.enterprise(s.enterpriseId),
    ...(s.gridId ? [facet.grid(s.gridId)] : []),
    ...[...new Set(s.departmentIds)].map(facet.department),
    facet.status(s.status),
    facet.category(s.category),
    facet.channel(s.channel),
    facet.week(s.submittedAt),
    facet.month(s.submittedAt),
  ];
}

/**
 * The buckets that cover [since, until]: weeks for a window of up to 5 weeks, months beyond. Every
 * ticket submitted in the window carries one of them (a bucket may reach outside the window; the
 * exact bounds are applied to the rows).
 */
export function windowLexemes(since: Date, until: Date): string[] {
  const out: string[] = [];
  if (until.getTime() < since.getTime()) return out;
  if (until.getTime() - since.getTime() <= 5 * WEEK) {
    for (let t = since.getTime(); ; t += WEEK) {
      out.push(facet.week(new Date(Math.min(t, until.getTime()))));
      if (t >= until.getTime()) break;
    }
  } else {
    const cursor = new Date(since.getTime() + BEIJING);
    cursor.setUTCDate(1);
    const last = facet.month(until);
    for (;;) {
      const m = facet.month(new Date(cursor.getTime() - BEIJING));
      out.push(m);
      if (m === last) break;
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
  }
  return [...new Set(out)];
}
