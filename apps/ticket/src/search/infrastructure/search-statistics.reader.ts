import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { facet } from '../domain/search-facets';
import { SearchStatistics } from '../domain/search-plan';
import { CLOCK_RUNNING_SQL } from './ticket-search.indexer';

/** How long the statistics are kept before they are read again. */
const TTL_MS = 10 * 60_000;
/** Without statistics (a table never analysed): a lexeme is assumed this rare at most. */
const DEFAULT_FLOOR = 0.01;

interface Row {
  rows: number;
  oldest: Date | null;
  elems: string[] | null;
  freqs: number[] | null;
  initial_elems: string[] | null;
  initial_freqs: number[] | null;
  enterprises: number | null;
  clock_recent: number;
}

/**
 * What the search planner (search-plan.ts) knows of ticket.ticket_search: PostgreSQL's own
 * statistics of the document column (the most common lexemes and their shares, which ANALYZE
 * keeps: up to 10,000 of them, migration 1765810000000, the week facets among them; and those of
 * the initial characters' index), the row count,
 * the oldest submission, the number of enterprises, the open tickets (with a clock) of the last
 * four weeks (from their own small index). Read at most every ten minutes per process: a few
 * milliseconds.
 */
@Injectable()
export class SearchStatisticsReader {
  private held: { at: number; stats: Promise<SearchStatistics> } | null = null;

  constructor(private readonly tx: TransactionContext) {}

  get(): Promise<SearchStatistics> {
    const now = Date.now();
    if (!this.held || now - this.held.at > TTL_MS) {
      const stats = this.read();
      this.held = { at: now, stats };
      // A failed read is not kept: the next search reads again.
      stats.catch(() => (this.held = null));
    }
    return this.held.stats;
  }

  private async read(): Promise<SearchStatistics> {
    const [row]: Row[] = await this.tx.manager.query(
      `SELECT CASE WHEN c.reltuples >= 0 THEN c.reltuples::float8
                   ELSE (SELECT count(*) FROM ticket.ticket_search)::float8 END AS rows,
              (SELECT min(submitted_at) FROM ticket.ticket_search) AS oldest,
              (SELECT count(*) FROM ticket.ticket_search
                WHERE ${CLOCK_RUNNING_SQL('clock_respond_due_at', 'clock_resolve_due_at', 'clock_red')}
                  AND submitted_at >= now() - interval '28 days')::float8 AS clock_recent,
              d.most_common_elems::text::text[] AS elems,
              d.most_common_elem_freqs::float8[] AS freqs,
              i.most_common_elems::text::text[] AS initial_elems,
              i.most_common_elem_freqs::float8[] AS initial_freqs,
              e.n_distinct::float8 AS enterprises
         FROM pg_class c
         LEFT JOIN pg_stats d ON d.schemaname = 'ticket' AND d.tablename = 'ticket_search' AND d.attname = 'doc'
         LEFT JOIN pg_stats i ON i.schemaname = 'ticket' AND i.tablename = 'ticket_search_initials_idx'
         LEFT JOIN pg_stats e ON e.schemaname = 'ticket' AND e.tablename = 'ticket_search' AND e.attname = 'enterprise_id'
        WHERE c.oid = 'ticket.ticket_search'::regclass`,
    );
    return toStatistics(row);
  }
}

/** The row of the query above as the planner wants it. */
export function toStatistics(row: Row, now = new Date()): SearchStatistics {
  const rows = Math.max(Number(row.rows), 1);
  const common = new Map<string, number>();
  const elems = row.elems ?? [];
  const freqs = (row.freqs ?? []).map(Number);
  elems.forEach((e, i) => common.set(e, freqs[i]));
  const initials = new Map<string, number>();
  const initialFreqs = (row.initial_freqs ?? []).map(Number);
  (row.initial_elems ?? []).forEach((e, i) => initials.set(e, initialFreqs[i]));
  // most_common_elem_freqs ends with the least and greatest share and the null share.
  const floor = elems.length && freqs.length > elems.length ? freqs[elems.length] : DEFAULT_FLOOR;
  const distinct = Number(row.enterprises ?? 0);
  const oldest = row.oldest ? new Date(row.oldest) : null;
  // Tickets a day lately: the shares of the last four whole weeks' facets (a count would read
  // tens of thousands of index entries); without them, the average since the oldest ticket.
  const weeks = [1, 2, 3, 4]
    .map((k) => common.get(facet.week(new Date(now.getTime() - k * 7 * 86400_000))))
    .filter((x): x is number => x !== undefined);
  const days = oldest ? Math.max((now.getTime() - oldest.getTime()) / 86400_000, 1) : 1;
  const perDay = weeks.length ? (rows * weeks.reduce((a, b) => a + b, 0)) / weeks.length / 7 : rows / days;
  return {
    rows,
    perDay: Math.max(perDay, 1),
    oldest,
    common,
    initials,
    floor,
    enterprises: distinct > 0 ? distinct : distinct < 0 ? -distinct * rows : 0,
    clockPerDay: Number(row.clock_recent ?? 0) / 28,
  };
}
