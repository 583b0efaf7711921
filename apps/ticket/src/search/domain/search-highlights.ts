import { highlight, Highlight, QueryTerm } from './search-text';

export type HighlightedField =
  'number' | 'title' | 'enterpriseName' | 'creditCode' | 'description' | 'location' | 'conversation';

export interface HighlightSource {
  number: string;
  title: string;
  enterpriseName: string;
  directoryName: string | null;
  creditCode: string | null;
  description: string;
  location: string | null;
  conversation: string[];
}

/** Fragments shown per hit at most. */
const MAX_FRAGMENTS = 3;

/**
 * Which parts of a ticket matched the query and where, best fields first: what identifies the
 * ticket, then the description, then the conversation (the latest matching message).
 */
export function ticketHighlights(
  s: HighlightSource,
  terms: QueryTerm[],
): (Highlight & { field: HighlightedField })[] {
  const out: (Highlight & { field: HighlightedField })[] = [];
  const add = (field: HighlightedField, text: string | null | undefined): boolean => {
    if (!text || out.length >= MAX_FRAGMENTS) return false;
    const h = highlight(text, terms);
    if (h) out.push({ field, ...h });
    return !!h;
  };
  add('number', s.number);
  add('title', s.title);
  if (!add('enterpriseName', s.enterpriseName) && s.directoryName !== s.enterpriseName)
    add('enterpriseName', s.directoryName);
  add('creditCode', s.creditCode);
  add('description', s.description);
  add('location', s.location);
  for (const text of [...s.conversation].reverse()) if (add('conversation', text)) break;
  return out;
}
