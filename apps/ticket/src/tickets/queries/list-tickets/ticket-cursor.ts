import { ValidationProblem } from '@ticketing/platform';
import { TicketSort } from './list-tickets.query';

/** Keyset position: the sort it belongs to, the sort key of the last row and its id. */
export interface TicketCursor {
  s: TicketSort;
  k: string;
  id: string;
}

export const encodeCursor = (c: TicketCursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeCursor(raw: string, sort: TicketSort): TicketCursor {
  const bad = (why: string) => new ValidationProblem([{ field: 'cursor', messages: [why] }]);
  let c: TicketCursor;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad('cursor is malformed; pass nextCursor back unchanged');
  }
  if (!c || typeof c.k !== 'string' || typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/.test(c.id))
    throw bad('cursor is malformed');
  if (c.s !== sort) throw bad(`cursor belongs to sort=${c.s}; keep the same sort while paging`);
  if (c.k !== 'infinity' && Number.isNaN(Date.parse(c.k))) throw bad('cursor is malformed');
  return c;
}
