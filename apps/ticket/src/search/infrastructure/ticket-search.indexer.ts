import { Injectable } from '@nestjs/common';
import { PREPARED, Queryable, SettingsCache, Statement, TransactionContext } from '@ticketing/database';
import { searchDocument } from '../domain/search-document';
import { facet, facetLexemes } from '../domain/search-facets';
import { quoteLexeme } from '../domain/search-text';
import { TicketSearchIndex } from '../domain/ticket-search-index';
import { coHandlersSql, CONVERSATION_TEXT_SQL, CONVERSATION_TYPES, conversationSql } from './search-sql';

/**
 * The indexes of ticket.ticket_search. Created after a backfill (a GIN index is built far faster
 * over a full table than row by row), by the migration and by the bench alike.
 */
export const TICKET_SEARCH_INDEXES = [
  `CREATE INDEX IF NOT EXISTS ticket_search_doc_idx ON ticket.ticket_search USING gin (doc)`,
  `CREATE INDEX IF NOT EXISTS ticket_search_submitted_idx ON ticket.ticket_search (submitted_at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS ticket_search_enterprise_idx ON ticket.ticket_search (enterprise_id, submitted_at DESC)`,
  `CREATE INDEX IF NOT EXISTS ticket_search_grid_idx ON ticket.ticket_search (grid_id, submitted_at DESC)`,
  `CREATE INDEX IF NOT EXISTS ticket_search_lead_idx ON ticket.ticket_search (lead_department_id, submitted_at DESC)`,
  `CREATE INDEX IF NOT EXISTS ticket_search_co_handlers_idx ON ticket.ticket_search USING gin (co_handler_department_ids)`,
];

export const TICKET_SEARCH_INDEX_NAMES = TICKET_SEARCH_INDEXES.map(
  (ddl) => /INDEX IF NOT EXISTS (\S+)/.exec(ddl)![1],
);

/** The clock facet (search-facets.ts) as SQL literals. */
export const CLOCK_FACET = `${quoteLexeme(quoteLexeme(facet.clock))}::tsvector`;
export const CLOCK_QUERY = `${quoteLexeme(quoteLexeme(facet.clock))}::tsquery`;
export const CLOCK_LEXEME = `${quoteLexeme(facet.clock)}::text`;
/** A red card on the respond or resolve clock, from ticket_deadlines.flags (jsonb). */
export const RED_SQL = (flags: string) =>
  `COALESCE(${flags} ->> 'respond' = 'red' OR ${flags} ->> 'resolve' = 'red', false)`;
/** A clock that can make the ticket overdue: a respond or resolve deadline, or a red card. */
export const CLOCK_RUNNING_SQL = (respond: string, resolve: string, red: string) =>
  `(${respond} IS NOT NULL OR ${resolve} IS NOT NULL OR ${red})`;

/**
 * The document's initial characters (the first character of each word lexeme, and each facet):
 * what the index answers a lone Han character from, as one exact entry (水 is in a third of the
 * tickets, spread over hundreds of 水X lexemes that a prefix lookup would gather in full).
 */
export const INITIALS_SQL = (doc: string) => `ticket.search_initials(${doc})`;

/**
 * Indexes added by migration 1765810000000 (the round planner's: the tickets with a clock newest
 * first, the initial characters). Created after a backfill too (the bench), like the others.
 */
export const TICKET_SEARCH_PLAN_INDEXES = [
  `CREATE INDEX IF NOT EXISTS ticket_search_clock_idx ON ticket.ticket_search (submitted_at DESC, id DESC)
     WHERE ${CLOCK_RUNNING_SQL('clock_respond_due_at', 'clock_resolve_due_at', 'clock_red')}`,
  `CREATE INDEX IF NOT EXISTS ticket_search_initials_idx ON ticket.ticket_search USING gin (${INITIALS_SQL('doc')})`,
];
export const TICKET_SEARCH_PLAN_INDEX_NAMES = TICKET_SEARCH_PLAN_INDEXES.map(
  (ddl) => /INDEX IF NOT EXISTS (\S+)/.exec(ddl)![1],
);

interface SourceRow {
  id: string;
  number: string;
  enterprise_id: string;
  enterprise_name: string;
  directory_name: string | null;
  credit_code: string | null;
  grid_id: string | null;
  category: string;
  status: string;
  channel: string;
  lead_department_id: string | null;
  submitted_at: Date;
  title: string;
  description: string;
  location: string | null;
  /** Read with the row (indexTickets): the conversation's texts and the co-handlers, in order. */
  conversation?: (string | null)[] | null;
  co?: string[];
}

const SOURCE = `
  SELECT t.id, t.number, t.enterprise_id, t.enterprise_name, e.name AS directory_name, e.credit_code, t.grid_id, t.category,
         t.status, t.channel, t.lead_department_id, t.submitted_at, t.title, t.description, t.location
    FROM ticket.tickets t
    LEFT JOIN ticket.search_enterprises e ON e.id = t.enterprise_id`;

/** What SOURCE returns, named (a read by key that runs on every save: prepared, ADR 0018). */
const SOURCE_COLUMNS = [
  'id',
  'number',
  'enterprise_id',
  'enterprise_name',
  'directory_name',
  'credit_code',
  'grid_id',
  'category',
  'status',
  'channel',
  'lead_department_id',
  'submitted_at',
  'title',
  'description',
  'location',
] as const satisfies readonly Exclude<keyof SourceRow, 'conversation' | 'co'>[];

const arrayLiteral = (items: string[]) => `{${items.map((i) => JSON.stringify(i)).join(',')}}`;

/** A ticket as its search row needs it: the row's fields, its conversation and co-handlers in order. */
type IndexedRow = Omit<SourceRow, 'conversation' | 'co'> & { conversation: string[]; co: string[] };

/**
 * Writes the search rows of these tickets: their conversation and co-handlers read for the whole
 * batch (unless read with the rows), the document computed here (search-text.ts).
 */
async function write(db: Queryable, rows: SourceRow[]): Promise<void> {
  if (!rows.length) return;
  const ids = rows.map((r) => r.id);
  const withRelated = rows.every((r) => r.co !== undefined);
  const [steps, parts]: [
    { ticket_id: string; text: string | null }[],
    { ticket_id: string; department_id: string }[],
  ] = withRelated
    ? [
        rows.flatMap((r) => (r.conversation ?? []).map((text) => ({ ticket_id: r.id, text }))),
        rows.flatMap((r) => r.co!.map((department_id) => ({ ticket_id: r.id, department_id }))),
      ]
    : await Promise.all([
        db.query(
          `SELECT s.ticket_id, ${CONVERSATION_TEXT_SQL} AS text FROM ticket.ticket_steps s
          WHERE s.ticket_id = ANY($1::uuid[]) AND s.event_type = ANY($2::text[]) ORDER BY s.ticket_id, s.version`,
          [ids, CONVERSATION_TYPES],
        ),
        db.query(
          `SELECT ticket_id, department_id FROM ticket.ticket_parts WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, position`,
          [ids],
        ),
      ]);
  const conversation = new Map<string, string[]>();
  for (const s of steps)
    if (s.text) conversation.set(s.ticket_id, [...(conversation.get(s.ticket_id) ?? []), s.text]);
  const co = new Map<string, string[]>();
  for (const p of parts) co.set(p.ticket_id, [...(co.get(p.ticket_id) ?? []), p.department_id]);
  const [sql, params] = upsertRows(
    rows.map(({ conversation: _c, co: _co, ...r }) => ({
      ...r,
      conversation: conversation.get(r.id) ?? [],
      co: co.get(r.id) ?? [],
    })),
  );
  await db.query(sql, [...params]);
}

/** The search rows of these tickets, every column in one INSERT (the clock facet kept on update). */
function upsertRows(rows: IndexedRow[]): Statement {
  return [
    `INSERT INTO ticket.ticket_search (id, number, enterprise_id, credit_code, grid_id, category, status, channel,
            lead_department_id, co_handler_department_ids, submitted_at, doc, indexed_at)
     SELECT id, number, enterprise_id, credit_code, grid_id, category, status, channel, lead, co::text[], submitted_at, doc::tsvector, now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::timestamptz[], $12::text[])
         AS x(id, number, enterprise_id, credit_code, grid_id, category, status, channel, lead, co, submitted_at, doc)
     ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, enterprise_id = EXCLUDED.enterprise_id,
            credit_code = EXCLUDED.credit_code, grid_id = EXCLUDED.grid_id, category = EXCLUDED.category,
            status = EXCLUDED.status, channel = EXCLUDED.channel, lead_department_id = EXCLUDED.lead_department_id,
            co_handler_department_ids = EXCLUDED.co_handler_department_ids, submitted_at = EXCLUDED.submitted_at,
            doc = CASE WHEN ticket_search.doc @@ ${CLOCK_QUERY} THEN EXCLUDED.doc || ${CLOCK_FACET} ELSE EXCLUDED.doc END,
            indexed_at = EXCLUDED.indexed_at`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.number),
      rows.map((r) => r.enterprise_id),
      rows.map((r) => r.credit_code),
      rows.map((r) => r.grid_id),
      rows.map((r) => r.category),
      rows.map((r) => r.status),
      rows.map((r) => r.channel),
      rows.map((r) => r.lead_department_id),
      rows.map((r) => arrayLiteral(r.co)),
      rows.map((r) => r.submitted_at),
      rows.map((r) =>
        searchDocument(
          {
            number: r.number,
            enterpriseName: r.enterprise_name,
            directoryName: r.directory_name,
            creditCode: r.credit_code,
            title: r.title,
            description: r.description,
            location: r.location,
            conversation: r.conversation,
          },
          facetLexemes({
            enterpriseId: r.enterprise_id,
            gridId: r.grid_id,
            departmentIds: [...(r.lead_department_id ? [r.lead_department_id] : []), ...r.co],
            status: r.status,
            category: r.category,
            channel: r.channel,
            submittedAt: new Date(r.submitted_at),
          }),
        ),
      ),
    ],
  ];
}

/**
 * Indexes these tickets (as the unit of work sees them). One read for the rows, their conversation
 * and their co-handlers (it runs on every save of a ticket: three round trips were two too many).
 */
export async function indexTickets(db: Queryable, ids: string[]): Promise<void> {
  if (!ids.length) return;
  // One ticket (every save) by `=`: its generic plan is the custom one, so the prepared statement
  // is planned once per connection; `= ANY` of an array of unknown length is planned on every run.
  const filter = ids.length === 1 ? 't.id = $1::uuid' : 't.id = ANY($1::uuid[])';
  await write(
    db,
    await db.query(
      `${PREPARED}SELECT ${SOURCE_COLUMNS.map((c) => `s.${c}`).join(', ')},
              ${conversationSql('$2')} AS conversation, ${coHandlersSql} AS co
         FROM (${SOURCE} WHERE ${filter}) s, LATERAL (SELECT s.id) t(id)`,
      [ids.length === 1 ? ids[0] : ids, CONVERSATION_TYPES],
    ),
  );
}

/**
 * Indexes every ticket (or those with ids in (after, until]), in batches by id: the migration's
 * backfill, and the bench's. Returns how many were indexed.
 */
export async function indexAllTickets(
  db: Queryable,
  options: { batch?: number; after?: string; until?: string; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const batch = options.batch ?? 2000;
  let after = options.after ?? '00000000-0000-0000-0000-000000000000';
  const until = options.until ?? 'ffffffff-ffff-ffff-ffff-ffffffffffff';
  let done = 0;
  for (;;) {
    const rows: SourceRow[] = await db.query(
      `${SOURCE} WHERE t.id > $1::uuid AND t.id <= $2::uuid ORDER BY t.id LIMIT ${batch}`,
      [after, until],
    );
    if (!rows.length) return done;
    await write(db, rows);
    done += rows.length;
    after = rows[rows.length - 1].id;
    options.onBatch?.(done);
  }
}

/**
 * Copies the clocks of ticket.ticket_deadlines into the search rows (the clock columns and the
 * clock facet; migration 1765810000000): after a backfill, which writes new rows without them.
 * From then on the deadlines' trigger keeps them, and re-indexing a row keeps its clock facet.
 * Returns how many rows changed.
 */
export async function syncSearchClocks(db: Queryable): Promise<number> {
  const rows: unknown[] = await db.query(
    `UPDATE ticket.ticket_search s
        SET clock_respond_due_at = d.respond_due_at, clock_resolve_due_at = d.resolve_due_at, clock_red = ${RED_SQL('d.flags')},
            doc = CASE WHEN ${CLOCK_RUNNING_SQL('d.respond_due_at', 'd.resolve_due_at', RED_SQL('d.flags'))}
                       THEN s.doc || ${CLOCK_FACET} ELSE ts_delete(s.doc, ${CLOCK_LEXEME}) END
       FROM ticket.ticket_deadlines d
      WHERE d.ticket_id = s.id
        AND (s.clock_respond_due_at IS DISTINCT FROM d.respond_due_at OR s.clock_resolve_due_at IS DISTINCT FROM d.resolve_due_at
             OR s.clock_red IS DISTINCT FROM ${RED_SQL('d.flags')})
      RETURNING s.id`,
  );
  return rows.length;
}

@Injectable()
export class TypeormTicketSearchIndex extends TicketSearchIndex {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async refreshEnterprise(enterpriseId: string): Promise<void> {
    const ids: { id: string }[] = await this.tx.writer.query(
      `SELECT id FROM ticket.tickets WHERE enterprise_id = $1 ORDER BY id`,
      [enterpriseId],
    );
    for (let i = 0; i < ids.length; i += 500)
      await indexTickets(
        this.tx.writer,
        ids.slice(i, i + 500).map((r) => r.id),
      );
  }
}

/** A ticket's fields that its search row reads (the ticket row's names). */
export interface SearchedTicket {
  id: string;
  number: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  category: string;
  status: string;
  channel: string;
  leadDepartmentId: string | null;
  submittedAt: Date;
  title: string;
  description: string;
  location: string | null;
}

/**
 * A ticket's search row as one statement of the save that changes the ticket (writeBehind),
 * built from what that save holds: the ticket row, its co-handlers, its conversation (as read with
 * the lock, plus this save's texts), and the enterprise's directory entry, from the settings cache
 * (ticket.search_enterprises has a change feed). So indexing a save costs no round trip of its own.
 */
@Injectable()
export class TicketSearchRows {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {}

  async upsert(t: SearchedTicket, co: string[], conversation: string[]): Promise<Statement> {
    const entry = await this.directoryEntry(t.enterpriseId);
    return upsertRows([
      {
        id: t.id,
        number: t.number,
        enterprise_id: t.enterpriseId,
        enterprise_name: t.enterpriseName,
        directory_name: entry?.name ?? null,
        credit_code: entry?.creditCode ?? null,
        grid_id: t.gridId,
        category: t.category,
        status: t.status,
        channel: t.channel,
        lead_department_id: t.leadDepartmentId,
        submitted_at: t.submittedAt,
        title: t.title,
        description: t.description,
        location: t.location,
        conversation,
        co,
      },
    ]);
  }

  private directoryEntry(enterpriseId: string): Promise<{ name: string; creditCode: string } | null> {
    const m = this.tx.manager;
    return this.cache.read(m, ['search_enterprises'], `search-enterprise:${enterpriseId}`, async () => {
      const [r]: { name: string; credit_code: string }[] = await m.query(
        `${PREPARED}SELECT name, credit_code FROM ticket.search_enterprises WHERE id = $1`,
        [enterpriseId],
      );
      return r ? Object.freeze({ name: r.name, creditCode: r.credit_code }) : null;
    });
  }
}
