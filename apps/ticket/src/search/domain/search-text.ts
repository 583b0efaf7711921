/**
 * How ticket text becomes search tokens, and a query becomes a `tsquery` over them (ADR 0015).
 *
 * Chinese has no spaces, so words cannot be cut out; instead every run of Han characters is
 * indexed as its overlapping character pairs (bigrams) plus its last character alone:
 * 厂区停水三天 → 厂区 区停 停水 水三 三天 天. A word of two or more characters is then a chain of
 * adjacent bigrams (停水 → '停水'; 停水三天 → '停水' <-> '水三' <-> '三天'), found by PostgreSQL's
 * own full-text search over a GIN index, with no extension. Runs of other letters and digits
 * (credit codes, ticket numbers, "A3") are single tokens.
 *
 * Positions: each Han run takes one position per character (its bigrams, then its last
 * character), each other run one position; punctuation and spaces take none. A query term is built
 * with the same rule, so the distances between its tokens are the distances in the text.
 * This module is the only place the rule is written: the indexer and the query use it both.
 */

/** The weights of the fields, as PostgreSQL's tsvector labels them (A ranks highest). */
export type SearchWeight = 'A' | 'B' | 'C';

export interface SearchField {
  text: string | null | undefined;
  weight: SearchWeight;
}

/** PostgreSQL keeps positions up to 16383 and at most 256 per lexeme. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 255;
/** A run of letters or digits longer than this is cut (a pasted key or hash is not a word). */
const MAX_WORD = 64;
/** Query bounds: a longer query is refused at the edge; these bound what a term may cost. */
export const MAX_QUERY_TERMS = 8;

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

type CharClass = 'han' | 'word' | 'sep';

/**
 * One code point as search sees it: full-width ASCII becomes half-width, letters lower case.
 * Applied per code point so a position in the text maps to a position in its normal form.
 */
export function normalizeChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
  if (cp >= 0x4e00 && cp <= 0x9fff) return ch;
  if (cp >= 0xff01 && cp <= 0xff5e) return normalizeChar(String.fromCharCode(cp - 0xfee0));
  if (cp === 0x3000) return ' ';
  const lower = ch.toLowerCase();
  // A few letters lower-case into two code points (İ); keep one so positions stay aligned.
  return [...lower].length === 1 ? lower : ch;
}

function classOf(ch: string): CharClass {
  const cp = ch.codePointAt(0)!;
  // Fast paths for what tickets are mostly made of: ASCII (already lower case) and the CJK block.
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) ? 'word' : 'sep';
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'han';
  if (HAN.test(ch)) return 'han';
  if (WORD.test(ch)) return 'word';
  return 'sep';
}

interface Run {
  kind: 'han' | 'word';
  chars: string[];
  /** Index (in UTF-16 units) of the run's first character in the original text. */
  start: number;
  /** Index just past the run's last character in the original text. */
  end: number;
}

/** The runs of Han characters and of other letters/digits, in order, normalised. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let index = 0;
  for (const raw of text) {
    const ch = normalizeChar(raw);
    const kind = classOf(ch);
    if (kind === 'sep') {
      current = null;
    } else if (current && current.kind === kind) {
      current.chars.push(ch);
      current.end = index + raw.length;
    } else {
      current = { kind, chars: [ch], start: index, end: index + raw.length };
      runs.push(current);
    }
    index += raw.length;
  }
  return runs;
}

export interface DocToken {
  lexeme: string;
  /** 1-based, relative to the start of the field. */
  position: number;
}

/** The tokens of a text as they are indexed. */
export function documentTokens(text: string): DocToken[] {
  const tokens: DocToken[] = [];
  let p = 1;
  for (const run of runsOf(text)) {
    if (run.kind === 'word') {
      tokens.push({ lexeme: run.chars.slice(0, MAX_WORD).join(''), position: p });
      p += 1;
      continue;
    }
    const c = run.chars;
    for (let i = 0; i < c.length - 1; i++) tokens.push({ lexeme: c[i] + c[i + 1], position: p + i });
    tokens.push({ lexeme: c[c.length - 1], position: p + c.length - 1 });
    p += c.length;
  }
  return tokens;
}

/** A lexeme as tsvector and tsquery text input want it: quoted, quotes and backslashes doubled. */
export const quoteLexeme = (lexeme: string): string =>
  `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The `tsvector` of a ticket, as PostgreSQL's text input form: the fields one after another
 * (a gap of one position between them, so no phrase spans two fields), each position labelled
 * with its field's weight. Cast with `::tsvector`.
 */
export function documentVector(fields: SearchField[]): string {
  const positions = new Map<string, string[]>();
  let offset = 0;
  for (const field of fields) {
    if (!field.text) continue;
    const tokens = documentTokens(field.text);
    for (const t of tokens) {
      const at = Math.min(offset + t.position, MAX_POSITION);
      const list = positions.get(t.lexeme) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${at}${field.weight}`);
      positions.set(t.lexeme, list);
    }
    if (tokens.length) offset = Math.min(offset + tokens[tokens.length - 1].position + 1, MAX_POSITION);
  }
  return [...positions].map(([lexeme, at]) => `${quoteLexeme(lexeme)}:${at.join(',')}`).join(' ');
}

export interface QueryToken {
  lexeme: string;
  /** Matches every lexeme that starts with it (a lone Han character, a long letter/digit run). */
  prefix: boolean;
  position: number;
}

/** One whitespace-separated part of the query: its tokens must occur at these distances. */
export interface QueryTerm {
  raw: string;
  tokens: QueryToken[];
  /** The normalised runs of the term, which is what highlighting looks for in the text. */
  needles: string[];
}

/**
 * A term's tokens, built as the text's are, except that a Han run of two or more characters
 * contributes only its bigrams (its last character's own token is there in the text only when
 * the run ends there), and the term's last run, when it is one Han character or three or more
 * letters and digits, matches any token that starts with it (the rest of the word may follow).
 * A run followed by another in the same term ends there in the text too, so it is looked up
 * exactly: CS-2024-000268 is 'cs' <1> '2024' <1> '000268':*, and the GIN index answers it from
 * the rare last token instead of gathering every token that starts with 2024.
 */
function queryTokens(term: string): { tokens: QueryToken[]; needles: string[] } {
  const tokens: QueryToken[] = [];
  const needles: string[] = [];
  let p = 1;
  const runs = runsOf(term);
  for (const [i, run] of runs.entries()) {
    const c = run.chars;
    const last = i === runs.length - 1;
    needles.push(c.join(''));
    if (run.kind === 'word') {
      const lexeme = c.slice(0, MAX_WORD).join('');
      tokens.push({ lexeme, prefix: last && lexeme.length >= 3 && c.length <= MAX_WORD, position: p });
      p += 1;
    } else if (c.length === 1) {
      tokens.push({ lexeme: c[0], prefix: last, position: p });
      p += 1;
    } else {
      for (let i = 0; i < c.length - 1; i++)
        tokens.push({ lexeme: c[i] + c[i + 1], prefix: false, position: p + i });
      p += c.length;
    }
  }
  return { tokens, needles };
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The `tsquery` text: the terms ANDed, each term's tokens chained at their distances. */
  tsquery: string;
  /**
   * Every token ANDed, without distances: what the GIN index answers alone, without reading a
   * row (a phrase needs the positions, in the row). The candidates are then held to `tsquery`.
   */
  candidates: string;
}

/** Splits a query into terms (on whitespace) and builds its tsquery; null when nothing in it is searchable. */
export function parseQuery(q: string): ParsedQuery | null {
  const terms: QueryTerm[] = [];
  for (const raw of q.split(/[\s\u3000]+/u)) {
    if (!raw) continue;
    const { tokens, needles } = queryTokens(raw);
    if (!tokens.length) continue;
    if (terms.some((t) => t.needles.join(' ') === needles.join(' '))) continue;
    terms.push({ raw, tokens, needles });
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  if (!terms.length) return null;
  const lexeme = (tok: QueryToken) => quoteLexeme(tok.lexeme) + (tok.prefix ? ':*' : '');
  const termQuery = (t: QueryTerm): string => {
    let out = '';
    t.tokens.forEach((tok, i) => {
      out += i === 0 ? lexeme(tok) : ` <${tok.position - t.tokens[i - 1].position}> ${lexeme(tok)}`;
    });
    return t.tokens.length > 1 ? `(${out})` : out;
  };
  const all = [...new Set(terms.flatMap((t) => t.tokens.map(lexeme)))];
  return { terms, tsquery: terms.map(termQuery).join(' & '), candidates: all.join(' & ') };
}

export interface Highlight {
  /** The fragment shown: the whole field when short, else a window around the first match. */
  text: string;
  /** Where the query's words are in `text` (UTF-16 offsets, end exclusive), in order, not overlapping. */
  matches: { start: number; end: number }[];
}

/** Characters shown around the first match when a field is cut. */
const CONTEXT_BEFORE = 20;
const FRAGMENT_LENGTH = 80;

/**
 * Where a query's words occur in a text: each term's runs, found in the normalised text (so
 * ＡＢＣ matches abc), as offsets into the original. Null when none occurs.
 */
export function highlight(text: string, terms: QueryTerm[]): Highlight | null {
  if (!text) return null;
  // The normalised text, one entry per code point, and where each starts in the original.
  const norm: string[] = [];
  const at: number[] = [];
  let index = 0;
  for (const raw of text) {
    norm.push(normalizeChar(raw));
    at.push(index);
    index += raw.length;
  }
  at.push(index);
  const ranges: { start: number; end: number }[] = [];
  for (const needle of terms.flatMap((t) => t.needles)) {
    const want = [...needle];
    for (let i = 0; i + want.length <= norm.length; i++) {
      let hit = true;
      for (let j = 0; j < want.length && hit; j++) hit = norm[i + j] === want[j];
      if (hit) ranges.push({ start: at[i], end: at[i + want.length] });
    }
  }
  if (!ranges.length) return null;
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  if (text.length <= FRAGMENT_LENGTH) return { text, matches: merged };
  let from = Math.max(0, merged[0].start - CONTEXT_BEFORE);
  let to = Math.min(text.length, from + FRAGMENT_LENGTH);
  from = Math.max(0, to - FRAGMENT_LENGTH);
  // Never cut a surrogate pair in two.
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from -= 1;
  if (to < text.length && /[\udc00-\udfff]/.test(text[to])) to += 1;
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  return {
    text: prefix + text.slice(from, to) + suffix,
    matches: merged
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => ({ start: m.start - from + prefix.length, end: m.end - from + prefix.length })),
  };
}
