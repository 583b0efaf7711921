import { TicketScope } from '@ticketing/auth';

/**
 * Likely duplicates (重复诉求): an enterprise's own open tickets of the last weeks whose words
 * overlap a new one's. Chinese has no spaces, so words are compared as overlapping character pairs
 * (bigrams: 厂区停水 → 厂区 区停 停水) and Latin words or numbers as whole tokens; two texts are
 * as similar as the Dice coefficient of their token sets (2·|A∩B| / (|A|+|B|), 0 to 1). Nothing
 * here needs an index beyond the enterprise's open tickets (a handful): the candidates are read by
 * enterprise and date, and scored in memory.
 */
export const SimilarTicketRules = {
  /** Only tickets submitted within this many days count. */
  windowDays: 30,
  /** Shown as similar while the enterprise types. */
  similarFrom: 0.3,
  /** On submit, a ticket this similar is a likely duplicate: 409 unless the submitter confirms. */
  duplicateFrom: 0.5,
  /** At most this many are shown. */
  limit: 5,
  /** Candidates read per enterprise (its open tickets of the window, newest first). */
  candidates: 200,
} as const;

export interface TicketText {
  title: string;
  description: string;
}

/** An open ticket of the enterprise, as the similarity check reads it. */
export interface RecentTicket extends TicketText {
  id: string;
  number: string;
  status: string;
  submittedAt: Date;
  scope: TicketScope;
}

export interface SimilarTicket {
  ticket: RecentTicket;
  /** 0 to 1, two decimals. */
  similarity: number;
  likelyDuplicate: boolean;
}

/** The port: an enterprise's open tickets submitted since a moment, newest first. */
export abstract class RecentTickets {
  abstract openOf(enterpriseId: string, since: Date, limit: number): Promise<RecentTicket[]>;
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** Bigrams of each run of Chinese characters (a lone character stands for itself), and Latin words or numbers of two characters or more. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text.normalize('NFKC').toLowerCase()];
  let i = 0;
  while (i < chars.length) {
    if (HAN.test(chars[i])) {
      let j = i;
      while (j < chars.length && HAN.test(chars[j])) j++;
      if (j - i === 1) out.add(chars[i]);
      for (let k = i; k + 1 < j; k++) out.add(chars[k] + chars[k + 1]);
      i = j;
    } else if (WORD.test(chars[i])) {
      let j = i;
      while (j < chars.length && WORD.test(chars[j]) && !HAN.test(chars[j])) j++;
      if (j - i >= 2) out.add(chars.slice(i, j).join(''));
      i = j;
    } else {
      i++;
    }
  }
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How alike two tickets read: the better of their titles' likeness and their whole texts'
 * (title and description together), so a draft with only a title already finds its twin.
 */
export function similarity(a: TicketText, b: TicketText): number {
  const titles = dice(tokens(a.title), tokens(b.title));
  const whole = dice(tokens(`${a.title} ${a.description}`), tokens(`${b.title} ${b.description}`));
  return Math.max(titles, whole);
}

/** The candidates at least `similarFrom` alike, most alike first (newest first on a tie), at most `limit`. */
export function rankSimilar(draft: TicketText, candidates: RecentTicket[]): SimilarTicket[] {
  return candidates
    .map((ticket) => {
      const score = Math.round(similarity(draft, ticket) * 100) / 100;
      return { ticket, similarity: score, likelyDuplicate: score >= SimilarTicketRules.duplicateFrom };
    })
    .filter((s) => s.similarity >= SimilarTicketRules.similarFrom)
    .sort(
      (a, b) =>
        b.similarity - a.similarity || b.ticket.submittedAt.getTime() - a.ticket.submittedAt.getTime(),
    )
    .slice(0, SimilarTicketRules.limit);
}

/** A similar ticket as the enterprise is shown it (in the list while typing, and in a 409 on submit). */
export const similarView = (s: SimilarTicket) => ({
  id: s.ticket.id,
  number: s.ticket.number,
  title: s.ticket.title,
  status: s.ticket.status,
  submittedAt: s.ticket.submittedAt.toISOString(),
  similarity: s.similarity,
  likelyDuplicate: s.likelyDuplicate,
});

export const windowStart = (now: Date): Date =>
  new Date(now.getTime() - SimilarTicketRules.windowDays * 86400_000);
