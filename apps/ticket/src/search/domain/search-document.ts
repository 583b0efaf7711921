import { TicketEvents } from '@ticketing/contracts';
import { documentVector, quoteLexeme, SearchField } from './search-text';

/**
 * What of a ticket is searchable, and how much each part weighs: what identifies it (number,
 * enterprise name and credit code, title) first, the description next, then the conversation the
 * enterprise reads. Everyone who may see a ticket may read all of these, so a search can never
 * show a caller more than the ticket's page does.
 *
 * Internal notes (ticket.note-added) are NOT indexed, nor supervision notes, transfer reasons or
 * extension requests: a note must never be findable by an enterprise, and the simplest guarantee
 * is that its words are not in the index at all.
 */
export const CONVERSATION_TEXT: Readonly<Record<string, string>> = {
  [TicketEvents.interimReplied]: 'reason',
  [TicketEvents.replied]: 'message',
  [TicketEvents.resolved]: 'result',
  [TicketEvents.informationRequested]: 'question',
  [TicketEvents.informationProvided]: 'answer',
  [TicketEvents.messagePosted]: 'text',
};

/** A change's text that joins the conversation, if its event is of such a type. */
export function conversationText(eventType: string, payload: object): string | null {
  const field = CONVERSATION_TEXT[eventType];
  const text = field ? (payload as Record<string, unknown>)[field] : undefined;
  return typeof text === 'string' && text ? text : null;
}

export interface SearchSource {
  number: string;
  /** The name the ticket was raised under. */
  enterpriseName: string;
  /** The enterprise's name and credit code as the directory has them now (null: not heard of yet). */
  directoryName: string | null;
  creditCode: string | null;
  title: string;
  description: string;
  location: string | null;
  /** Replies, interim replies, the resolution, questions to and answers of the enterprise, messages. */
  conversation: string[];
}

/** The ticket's `tsvector`, in PostgreSQL's text form; `facets` (search-facets.ts) carry no position. */
export function searchDocument(s: SearchSource, facets: string[] = []): string {
  const fields: SearchField[] = [
    { text: s.number, weight: 'A' },
    { text: s.enterpriseName, weight: 'A' },
    { text: s.directoryName && s.directoryName !== s.enterpriseName ? s.directoryName : null, weight: 'A' },
    { text: s.creditCode, weight: 'A' },
    { text: s.title, weight: 'A' },
    { text: s.description, weight: 'B' },
    { text: s.location, weight: 'B' },
    ...s.conversation.map((text): SearchField => ({ text, weight: 'C' })),
  ];
  const text = documentVector(fields);
  const tags = facets.map(quoteLexeme).join(' ');
  return text && tags ? `${text} ${tags}` : text || tags;
}
