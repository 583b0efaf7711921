import { facet, windowLexemes } from './search-facets';

/**
 * How a search reads the projection (ADR 0015): the newest SEARCH_CANDIDATES + 1 tickets that hold
 * every query token and pass the scope and filters are collected round by round, each round over
 * a range of submission times [since, until), newest range first, until enough are found or
 * everything has been read. Ranges never overlap, so the rounds together give exactly the newest
 * matches, whatever the estimates below said; the estimates only decide how much each round reads:
 *
 *  - walk: read the range newest first through a btree (submission time, or the enterprise's or
 *    the grid's own index), testing each ticket, until enough match. Cheapest when most tickets
 *    match (公司, a lone 水): it stops after about as many rows as it returns.
 *  - index: let the GIN index intersect the tokens with the scope and filter facets (and, when that
 *    is cheaper, the week or month facets of the range), then read only the matching rows.
 *    Cheapest for rarer words: the rows read are the matches of the range.
 *
 * The range of a round is sized from how many matches a day the query is expected to have: from
 * the planner statistics of PostgreSQL (the share of documents holding the most common lexemes,
 * words and facets alike) before the first round, from what the previous round found after it.
 */

/** What the planner knows of the projection (read from PostgreSQL's statistics, cached). */
export interface SearchStatistics {
  /** Rows in the projection. */
  rows: number;
  /** Tickets submitted per day lately. */
  perDay: number;
  /** The oldest ticket's submission: a range reaching before it covers everything. */
  oldest: Date | null;
  /** Share of documents holding each of the most common lexemes (words and facets). */
  common: ReadonlyMap<string, number>;
  /** Share of documents holding a lexeme that starts with each of the commonest characters. */
  initials: ReadonlyMap<string, number>;
  /** Every other lexeme is in fewer documents than this share. */
  floor: number;
  /** Enterprises with tickets: one enterprise holds about 1/enterprises of the rows. */
  enterprises: number;
  /**
   * Tickets a day lately that have a clock (the open ones): they are not spread over the years like
   * the rest, so the clock facet's share of all tickets says little about a recent range.
   */
  clockPerDay: number;
}

export interface PlanToken {
  lexeme: string;
  prefix: boolean;
}

export interface PlanQuery {
  /** The query's terms, each its tokens (a term's tokens occur together: their shares are not independent). */
  terms: PlanToken[][];
  /** The scope's and the filters' facets: every group must hold, by one of its lexemes. */
  groups: string[][];
  /**
   * Groups whose tickets have a btree of their own in submission order (an enterprise, a grid,
   * the tickets with a clock): a walk reads the smallest of them instead of every ticket.
   */
  walkable: number[];
  /** Submitted at or after (inclusive), before (exclusive). */
  from: Date | null;
  to: Date | null;
  /** A ticket number or credit code: its last token is rare, one round over all time. */
  identifier: boolean;
  /**
   * Every term is one Han character, looked up in the index of the documents' initial characters
   * (ticket_search_initials_idx) as an exact entry, not as a prefix of the document index.
   */
  initials: boolean;
}

export interface SearchRound {
  mode: 'walk' | 'index';
  /** The range [since, until); null is unbounded. */
  since: Date | null;
  until: Date | null;
  /** Week or month facets covering the range, for the GIN index (index mode; empty: none). */
  window: string[];
  /** Covers everything left: no round follows. */
  last: boolean;
}

const DAY = 86400_000;
/** A round aims at this many times the matches it still needs (fewer rounds, little more read). */
const HEADROOM = 1.5;
/**
 * The first round reads at most this many of the scope's tickets' worth of time: the shares of
 * words are guesses (a word common in one department is rare in all), and a round too short costs
 * one more round (cheap: its buckets are few), a round too long reads every match it holds. What
 * it finds sizes the next.
 */
const FIRST_ROUND_ROWS = 8_000;
/** After this many rounds the next one covers everything left. */
const MAX_ROUNDS = 4;
/**
 * What work costs, in µs, as measured on the bench's machine (EXPLAIN ANALYZE at 1,000,000
 * tickets): a GIN posting item visited, a row read after the index (bitmap heap scan), a row read
 * and tested by a walk.
 */
const GIN_ITEM = 0.3;
/** Each bucket in the query adds this share to the cost of every GIN item visited. */
const BUCKET_CHECK = 0.15;
/** More buckets than this (a range of more than 8 months) are never worth it. */
const MAX_BUCKETS = 8;
const INDEXED_ROW = 4;
const WALKED_ROW = 3;

/**
 * The share of tickets expected to hold every part, from the parts' own shares. Words and facets
 * are not independent (补贴 is in a third of 人社局's tickets, a fiftieth of all): halfway
 * (geometrically) between independence and the rarest part, which bounds it. Too high a guess
 * costs a short round more; too low a guess reads every match of a long round.
 */
function combined(parts: number[]): number {
  if (!parts.length) return 1;
  return Math.sqrt(parts.reduce((a, b) => a * b, 1) * Math.min(1, ...parts));
}

export class SearchPlanner {
  /** Each group's share of all tickets (what the GIN index holds). */
  private readonly groupShares: number[];
  /** Each group's share of the tickets submitted a day lately (the clock's is larger). */
  private readonly rateShares: number[];
  /** The share of all tickets expected to match (combined()). */
  private readonly totalShare: number;
  /** The most that can match: the share of the rarest ANDed part. */
  private readonly boundShare: number;
  /** The share of all tickets a walk reads (the smallest walkable group, or all). */
  private readonly walkedShare: number;
  /** Expected matches per day of submission. */
  private perDay: number;
  /** The expected share of the walked tickets that match (a walk reads its inverse per match). */
  private density: number;
  /** perDay was measured by a round, not guessed. */
  private measured = false;
  private rounds = 0;
  private current: SearchRound | null = null;

  constructor(
    private readonly q: PlanQuery,
    private readonly stats: SearchStatistics,
    private readonly now: Date,
  ) {
    this.groupShares = q.groups.map((g) => this.groupShare(g));
    this.rateShares = q.groups.map((g, i) =>
      g.length === 1 && g[0] === facet.clock
        ? Math.min(1, Math.max(stats.clockPerDay / stats.perDay, this.groupShares[i]))
        : this.groupShares[i],
    );
    const terms = q.terms.map((t) => this.termShare(t));
    const parts = [...terms, ...this.groupShares];
    this.boundShare = Math.min(1, ...parts);
    this.totalShare = combined(parts);
    const walked = q.walkable.reduce<number | null>(
      (best, i) => (best === null || this.rateShares[i] < this.rateShares[best] ? i : best),
      null,
    );
    this.walkedShare = walked === null ? 1 : this.rateShares[walked];
    this.perDay = Math.max(stats.perDay * combined([...terms, ...this.rateShares]), 1e-6);
    this.density = combined([...terms, ...this.rateShares.filter((_, i) => i !== walked)]);
  }

  /** The first round, to collect `need` matches. */
  first(need: number): SearchRound {
    if (this.q.identifier) return this.round('index', this.q.from, this.q.to, true, []);
    return this.plan(need, this.q.to);
  }

  /**
   * The round after the current one, which found `found` of the `limit` it asked for; `need`
   * still wanted. Null when the current round found its limit or covered everything.
   */
  next(found: number, limit: number, need: number): SearchRound | null {
    const r = this.current;
    if (!r || r.last || !r.since || found >= limit || need <= 0) return null;
    const days = Math.max(((r.until ?? this.now).getTime() - r.since.getTime()) / DAY, 1 / 24);
    // Enough found to trust the rate; otherwise an upper bound on it (found + 1 in the range).
    this.perDay = found >= 5 ? found / days : Math.min(this.perDay, (found + 1) / days);
    this.measured = found >= 5;
    this.density = Math.min(1, this.perDay / Math.max(this.stats.perDay * this.walkedShare, 1e-9));
    return this.plan(need, r.since);
  }

  private plan(need: number, until: Date | null): SearchRound {
    this.rounds += 1;
    // Nothing is submitted in the future (a clock a little ahead aside): count back from now at most.
    const anchor = new Date(Math.min((until ?? this.now).getTime(), this.now.getTime() + 7 * DAY));
    let days = Math.max((need * HEADROOM) / this.perDay, 1);
    if (this.rounds === 1) {
      const scopePerDay = this.stats.perDay * this.rateShares.reduce((a, b) => a * b, 1);
      days = Math.min(days, Math.max(FIRST_ROUND_ROWS / Math.max(scopePerDay, 1e-6), 1));
    }
    const start = anchor.getTime() - days * DAY;
    const lowest = this.q.from ?? this.stats.oldest;
    // A tail shorter than the round itself is read with it.
    const last =
      this.rounds >= MAX_ROUNDS || !lowest || !(start - lowest.getTime() > anchor.getTime() - start);
    const since = last ? this.q.from : new Date(start);
    const span = Math.max((anchor.getTime() - (since ?? lowest ?? anchor).getTime()) / DAY, 1 / 24);
    // A walk reads the range newest first and stops at the limit.
    const walkRows = Math.min(
      this.stats.perDay * this.walkedShare * span,
      need / Math.max(this.density, 1e-9),
    );
    const index = this.indexed(since, until, span);
    return WALKED_ROW * walkRows < index.cost
      ? this.round('walk', since, until, last, [])
      : this.round('index', since, until, last, index.window);
  }

  private round(
    mode: 'walk' | 'index',
    since: Date | null,
    until: Date | null,
    last: boolean,
    window: string[],
  ): SearchRound {
    this.current = { mode, since, until, window, last };
    return this.current;
  }

  /**
   * What a GIN round over the range costs, with or without the range's buckets in the query. The
   * index walks the posting lists of the rarest entries until one ANDed part is complete
   * (PostgreSQL's "required" entries; a prefix gathers all its lists whatever else the query
   * says): many small buckets can cost more than one rarer word, and without them the rows of all
   * time that hold the words are read. The cheaper is taken.
   */
  private indexed(since: Date | null, until: Date | null, span: number): { cost: number; window: string[] } {
    const rows = this.stats.rows;
    const parts: { size: number; part: number }[] = [];
    let prefixed = 0;
    let part = 0;
    for (const term of this.q.terms)
      for (const t of term) {
        if (t.prefix && !this.q.initials) prefixed += rows * this.prefixShare(t.lexeme);
        else parts.push({ size: rows * this.share(t.lexeme), part });
        part += 1;
      }
    for (const g of this.q.groups) {
      for (const l of g) parts.push({ size: rows * this.share(l), part });
      part += 1;
    }
    const driving = (entries: { size: number; part: number }[]) => {
      const sorted = [...entries].sort((a, b) => a.size - b.size);
      const left = new Map<number, number>();
      for (const e of sorted) left.set(e.part, (left.get(e.part) ?? 0) + 1);
      let sum = 0;
      for (const e of sorted) {
        sum += e.size;
        const n = left.get(e.part)! - 1;
        left.set(e.part, n);
        if (n === 0) return sum;
      }
      return sum;
    };
    // Without the buckets the rows of all time that match are read: guessed, then measured once a
    // round has found some; never more than the rarest part's.
    const history = this.stats.oldest
      ? Math.max((this.now.getTime() - this.stats.oldest.getTime()) / DAY, 1)
      : 1;
    const allTime = Math.min(
      rows * this.boundShare,
      this.measured ? this.perDay * history : rows * this.totalShare,
    );
    const without = {
      cost: GIN_ITEM * (driving(parts) + prefixed) + INDEXED_ROW * allTime,
      window: [] as string[],
    };
    if (!since || span > 400) return without;
    // Buckets reach a week past now: a clock a little ahead still finds its newest tickets.
    const buckets = windowLexemes(since, until ?? new Date(this.now.getTime() + 7 * DAY));
    const bucketDays = (l: string) => (l.startsWith('~w') ? 7 : 30.4);
    const withBuckets = [
      ...parts,
      ...buckets.map((l) => ({ size: this.stats.perDay * bucketDays(l), part })),
    ];
    const covered = Math.max(
      buckets.reduce((a, l) => a + bucketDays(l), 0),
      span,
    );
    // Every candidate the driving entries yield is checked against each other entry: the buckets
    // are extra entries (EXPLAIN ANALYZE: 贷款 & a grid, 14 ms; with 4 month buckets, 20 ms; with 17,
    // 110 ms), so many buckets are worth it only when they narrow much.
    if (buckets.length > MAX_BUCKETS) return without;
    const cost =
      GIN_ITEM * (driving(withBuckets) * (1 + BUCKET_CHECK * buckets.length) + prefixed) +
      INDEXED_ROW * this.perDay * covered;
    return cost < without.cost ? { cost, window: buckets } : without;
  }

  private share(lexeme: string): number {
    const known = this.stats.common.get(lexeme);
    if (known !== undefined) return known;
    if (lexeme.startsWith('~e') && this.stats.enterprises > 0) return 1 / this.stats.enterprises;
    return this.stats.floor / 2;
  }

  /**
   * A prefix matches every lexeme that starts with it, and a document holding one often holds
   * several (税务, 退税, 纳税): between the commonest of them and their union.
   */
  private prefixShare(prefix: string): number {
    const initial = [...prefix].length === 1 ? this.stats.initials.get(prefix) : undefined;
    if (initial !== undefined) return initial;
    let max = 0;
    let none = 1;
    for (const [lexeme, share] of this.stats.common)
      if (lexeme.startsWith(prefix)) {
        max = Math.max(max, share);
        none *= 1 - share;
      }
    return max ? Math.sqrt(max * (1 - none)) : this.stats.floor / 2;
  }

  /** A term's tokens occur together: the term is as rare as its rarest token. */
  private termShare(term: PlanToken[]): number {
    return Math.min(...term.map((t) => (t.prefix ? this.prefixShare(t.lexeme) : this.share(t.lexeme))));
  }

  private groupShare(group: string[]): number {
    return Math.min(
      1,
      group.reduce((a, l) => a + this.share(l), 0),
    );
  }
}
