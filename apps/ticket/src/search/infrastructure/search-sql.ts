import { CONVERSATION_TEXT } from '../domain/search-document';

/** The event types whose text is the conversation the enterprise reads (search-document.ts). */
export const CONVERSATION_TYPES = Object.keys(CONVERSATION_TEXT);

/** The text of such a step (alias `s`), in SQL. */
export const CONVERSATION_TEXT_SQL = `CASE s.event_type ${Object.entries(CONVERSATION_TEXT)
  .map(([type, field]) => `WHEN '${type}' THEN s.details ->> '${field}'`)
  .join(' ')} END`;

/** A ticket's conversation (alias `t`), in order; `$types` is the parameter holding CONVERSATION_TYPES. */
export const conversationSql = (types: string) =>
  `(SELECT array_agg(${CONVERSATION_TEXT_SQL} ORDER BY s.version) FROM ticket.ticket_steps s
     WHERE s.ticket_id = t.id AND s.event_type = ANY(${types}::text[]))`;

/** A ticket's co-handling departments (alias `t`), in order. */
export const coHandlersSql = `COALESCE((SELECT array_agg(p.department_id ORDER BY p.position) FROM ticket.ticket_parts p WHERE p.ticket_id = t.id), '{}')`;
