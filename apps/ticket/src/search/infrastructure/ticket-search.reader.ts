import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { facet } from '../domain/search-facets';
import { SearchPlanner, SearchRound } from '../domain/search-plan';
import { SEARCH_CANDIDATES, SearchFilters } from '../domain/search-request';
import { ParsedQuery, quoteLexeme } from '../domain/search-text';
import { SearchStatisticsReader } from './search-statistics.reader';
import { coHandlersSql, conversationSql, CONVERSATION_TYPES } from './search-sql';
import { CLOCK_RUNNING_SQL, INITIALS_SQL } from './ticket-search.indexer';

export interface SearchHitRow {
  id: string;
  rank: number;
}

export interface SearchTicketRow {
  id: string;
  number: string;
  title: string;
  description: string;
  location: string | null;
  status: string;
  category: string;
  urgency: string;
  channel: string;
  enterprise_id: string;
  enterprise_name: string;
  directory_name: string | null;
  credit_code: string | null;
  grid_id: string | null;
  lead_department_id: string | null;
  co: string[];
  conversation: (string | null)[] | null;
  submitted_at: Date;
  updated_at: Date;
}

/**
 * Who sees which rows of the projection: the one rule (TicketVisibility, libs/auth; the lists
 * apply it as TicketAccessPolicy.sqlScope) on the projection's own columns, so a department's
 * tickets are found from its lead and co-handler columns (indexable) instead of a probe of
 * ticket_parts per candidate. The handler checks every hit against TicketVisibility again.
 */
export function searchScope(user: AuthUser): { sql: string; params: unknown[] } | null {
  switch (user.role) {
    case 'enterprise':
      return { sql: 't.enterprise_id = $?', params: [user.enterpriseId ?? ''] };
    case 'instructor':
      return { sql: 't.grid_id = ANY($?::text[])', params: [user.gridIds ?? []] };
    case 'department':
      return {
        sql: '(t.lead_department_id = $? OR t.co_handler_department_ids @> ARRAY[$?]::text[])',
        params: [user.departmentId ?? '', user.departmentId ?? ''],
      };
    case 'committee':
    case 'admin':
      return null;
    default:
      return { sql: 'false', params: [] };
  }
}

/** Overdue as the lists say it (ticket-list.reader.ts), on the clock columns of the row (alias `t`). */
export const LATE_SQL = `COALESCE(t.clock_red OR (t.status IN ('assigned', 'reopened') AND t.clock_respond_due_at < now())
  OR (t.status IN ('in_progress', 'transfer_requested') AND t.clock_resolve_due_at < now()), false)`;

/** The row has a clock that can make it late (the predicate of ticket_search_clock_idx). */
const CLOCK_SQL = CLOCK_RUNNING_SQL('t.clock_respond_due_at', 't.clock_resolve_due_at', 't.clock_red');

/** A ticket number (CS-2026-000123) or a 统一社会信用代码: looked up over all time in one round. */
const IDENTIFIER = /^(?:[a-z]{2}-\d{4}-\d{6}|[0-9a-hj-np-rtuwxy]{18})$/i;

interface CandidateRow {
  id: string;
  submitted_at: Date;
  hit: boolean;
  rank: number;
}

/**
 * The search in SQL, over the projection (alias `t`, one row per ticket), in rounds planned by
 * search-plan.ts: each round reads one range of submission times, newest first, for the newest
 * matches of every query token (the GIN index answers those without reading a row) within the
 * caller's scope and the filters, and returns them with what ranking needs, computed on those rows
 * only: held to the query's phrases (positions, from the row) and ranked by ts_rank with the
 * fields' weights, an exact number or credit code first. At most SEARCH_CANDIDATES + 1 are
 * collected; the ranking and the page are taken from the newest SEARCH_CANDIDATES.
 */
@Injectable()
export class TicketSearchReader {
  constructor(
    private readonly tx: TransactionContext,
    private readonly statistics: SearchStatisticsReader,
  ) {}

  async search(
    user: AuthUser,
    query: { parsed: ParsedQuery; exact: string },
    f: SearchFilters,
    offset: number,
    limit: number,
  ): Promise<{ hits: SearchHitRow[]; matched: number; candidates: number }> {
    // The scope and the filters as facets (search-facets.ts), for the GIN index to intersect.
    const groups: string[][] = [];
    // Groups whose tickets have a btree of their own in submission order, for a walk.
    const walkable: number[] = [];
    let nothing = false;
    const need = (lexemes: string[], ownIndex = false) => {
      if (!lexemes.length) nothing = true;
      else {
        if (ownIndex) walkable.push(groups.length);
        groups.push(lexemes);
      }
    };
    switch (user.role) {
      case 'enterprise':
        need(user.enterpriseId ? [facet.enterprise(user.enterpriseId)] : [], true);
        break;
      case 'instructor':
        need((user.gridIds ?? []).map(facet.grid), user.gridIds?.length === 1);
        break;
      case 'department':
        need(user.departmentId ? [facet.department(user.departmentId)] : []);
        break;
      case 'committee':
      case 'admin':
        break;
      default:
        nothing = true;
    }
    if (f.status?.length) need(f.status.map(facet.status));
    if (f.category?.length) need(f.category.map(facet.category));
    if (f.channel?.length) need(f.channel.map(facet.channel));
    if (f.gridId?.length) need(f.gridId.map(facet.grid), f.gridId.length === 1);
    if (f.departmentId) need([facet.department(f.departmentId)]);
    if (f.overdue) need([facet.clock], true);
    if (nothing) return { hits: [], matched: 0, candidates: 0 };

    // The row conditions: the scope and the filters again, exactly (the facets only narrow).
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const scope = searchScope(user);
    if (scope) {
      let i = 0;
      where.push(scope.sql.replace(/\$\?/g, () => p(scope.params[i++])));
    }
    if (f.status?.length) where.push(`t.status = ANY(${p(f.status)}::text[])`);
    if (f.category?.length) where.push(`t.category = ANY(${p(f.category)}::text[])`);
    if (f.channel?.length) where.push(`t.channel = ANY(${p(f.channel)}::text[])`);
    if (f.gridId?.length) where.push(`t.grid_id = ANY(${p(f.gridId)}::text[])`);
    if (f.departmentId) {
      const d = p(f.departmentId);
      where.push(`(t.lead_department_id = ${d} OR t.co_handler_department_ids @> ARRAY[${d}]::text[])`);
    }
    // Only a ticket with a clock can be late; saying so lets the planner use the clocks' own index.
    if (f.overdue) where.push(CLOCK_SQL, LATE_SQL);
    if (f.overdue === false) where.push(`NOT ${LATE_SQL}`);
    const phrase = p(query.parsed.tsquery);
    const exact = p(query.exact);

    // Only lone Han characters (水, 水 电): each is one entry of the initials' index.
    const initials = query.parsed.terms.every(
      (t) => t.tokens.length === 1 && t.tokens[0].prefix && [...t.tokens[0].lexeme].length === 1,
    );
    const stats = await this.statistics.get();
    const planner = new SearchPlanner(
      {
        terms: query.parsed.terms.map((t) => t.tokens),
        groups,
        walkable,
        from: f.from ?? null,
        to: f.to ?? null,
        identifier: query.parsed.terms.length === 1 && IDENTIFIER.test(query.parsed.terms[0].raw),
        initials,
      },
      stats,
      new Date(),
    );
    const words = query.parsed.candidates;
    const indexed = initials
      ? [...new Set(query.parsed.terms.map((t) => quoteLexeme(t.tokens[0].lexeme)))].join(' & ')
      : words;
    const all = (extra: string[]) => [indexed, ...extra.map((g) => `(${g})`)].join(' & ');
    const facets = groups.map((g) => g.map(quoteLexeme).join(' | '));

    const rows: CandidateRow[] = [];
    const want = SEARCH_CANDIDATES + 1;
    for (let round: SearchRound | null = planner.first(want); round;) {
      const args = params.slice();
      const q = (v: unknown) => {
        args.push(v);
        return `$${args.length}`;
      };
      const bounds = [
        ...(round.since ? [`t.submitted_at >= ${q(round.since)}`] : []),
        ...(round.until ? [`t.submitted_at < ${q(round.until)}`] : []),
      ];
      const limitHere = want - rows.length;
      const columns = 't.id, t.submitted_at, t.doc, t.number, t.credit_code';
      const order = 'ORDER BY t.submitted_at DESC, t.id DESC';
      // walk: newest first through a btree, each row tested (ts_match_vq is @@ that no index
      // answers), until enough match. index: the GIN index alone finds the rows (the OFFSET 0 keeps
      // the planner from walking instead, or from building bitmaps of the btrees for conditions the
      // facets already narrow), the rows are then held to every condition, and the newest kept.
      const inner =
        round.mode === 'walk'
          ? `SELECT ${columns} FROM ticket.ticket_search t
              WHERE ${['ts_match_vq(t.doc, ' + q(words) + '::tsquery)', ...where, ...bounds].join(' AND ')}
              ${order} LIMIT ${limitHere}`
          : `SELECT ${columns} FROM (SELECT * FROM ticket.ticket_search t
              WHERE ${initials ? INITIALS_SQL('t.doc') : 't.doc'} @@ ${q(all([...facets, ...(round.window.length ? [round.window.map(quoteLexeme).join(' | ')] : [])]))}::tsquery
              OFFSET 0) t
              ${[...where, ...bounds].length ? `WHERE ${[...where, ...bounds].join(' AND ')}` : ''}
              ${order} LIMIT ${limitHere}`;
      const found: CandidateRow[] = await this.tx.manager.query(
        `SELECT c.id, c.submitted_at, c.doc @@ ${phrase}::tsquery AS hit,
                ts_rank('{0.1, 0.2, 0.4, 1.0}', c.doc, ${phrase}::tsquery, 1)
                  + CASE WHEN c.number = ${exact} THEN 100 WHEN c.credit_code = ${exact} THEN 10 ELSE 0 END AS rank
           FROM (${inner}) c ORDER BY c.submitted_at DESC, c.id DESC`,
        args,
      );
      rows.push(...found);
      round = planner.next(found.length, limitHere, want - rows.length);
    }
    // Newest first as collected; the sort is stable, so equal ranks stay newest first.
    const kept = rows
      .slice(0, SEARCH_CANDIDATES)
      .filter((r) => r.hit)
      .sort((a, b) => Number(b.rank) - Number(a.rank));
    return {
      hits: kept.slice(offset, offset + limit).map((r) => ({ id: r.id, rank: Number(r.rank) })),
      matched: kept.length,
      candidates: rows.length,
    };
  }

  /** What a page shows of its tickets: the ticket rows as they are now, and their conversation. */
  async tickets(ids: string[]): Promise<SearchTicketRow[]> {
    if (!ids.length) return [];
    return this.tx.manager.query(
      `SELECT t.id, t.number, t.title, t.description, t.location, t.status, t.category, t.urgency, t.channel,
              t.enterprise_id, t.enterprise_name, e.name AS directory_name, e.credit_code, t.grid_id,
              t.lead_department_id, ${coHandlersSql} AS co, ${conversationSql('$2')} AS conversation,
              t.submitted_at, t.updated_at
         FROM ticket.tickets t
         LEFT JOIN ticket.search_enterprises e ON e.id = t.enterprise_id
        WHERE t.id = ANY($1::uuid[])`,
      [ids, CONVERSATION_TYPES],
    );
  }
}
