import { EntityManager } from 'typeorm';
import { Stint, TicketFact } from '../domain/ticket-fact';

/** A name's spelling in the other case, worked out once: the names are the facts' few columns. */
const spelled = (convert: (k: string) => string) => {
  const known = new Map<string, string>();
  return (k: string): string => {
    let out = known.get(k);
    if (out === undefined) known.set(k, (out = convert(k)));
    return out;
  };
};
const snake = spelled((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const camel = spelled((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/** Timestamps come back from jsonb with an offset; the reducer compares ISO-8601 UTC strings. */
function normalise<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const key = camel(k);
    out[key] = key.endsWith('At') && typeof v === 'string' ? new Date(v).toISOString() : v;
  }
  return out as T;
}

function toRow(fact: TicketFact): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fact)) if (k !== 'stints') row[snake(k)] = v;
  return row;
}

function stintRows(fact: TicketFact): Record<string, unknown>[] {
  return fact.stints.map((s) => ({
    ticket_id: fact.ticketId,
    stint: s.stint,
    department_id: s.departmentId,
    category: fact.category,
    grid_id: fact.gridId,
    month: fact.month,
    excluded: fact.withdrawnAt !== null,
    via: s.via,
    assigned_at: s.assignedAt,
    acknowledged_at: s.acknowledgedAt,
    respond_due_at: s.respondDueAt,
    respond_breached: s.respondBreached,
    ended_at: s.endedAt,
    ended_by: s.endedBy,
  }));
}

const isOpen = (f: TicketFact) => f.closedAt === null && f.withdrawnAt === null;

const openRow = (f: TicketFact) => ({
  ticket_id: f.ticketId,
  department_id: f.departmentId,
  since: f.submittedAt ?? f.firstSeenAt,
  // A resolved ticket waits for the enterprise's feedback, not for the department.
  unresolved: f.status !== 'resolved',
  alert_level: f.alertLevel,
});

let factColumns: string[] | null = null;

const STINT_UPDATES = [
  'department_id',
  'category',
  'grid_id',
  'month',
  'excluded',
  'via',
  'assigned_at',
  'acknowledged_at',
  'respond_due_at',
  'respond_breached',
  'ended_at',
  'ended_by',
]
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/** Reads and writes ticket facts and their stints; rows travel as jsonb records, many per statement. */
export class FactStore {
  async load(manager: EntityManager, ticketId: string): Promise<TicketFact | undefined> {
    return (await this.loadMany(manager, [ticketId])).get(ticketId);
  }

  /** The facts (with their stints) of the tickets that have one, by ticket id: one statement. */
  async loadMany(manager: EntityManager, ticketIds: string[]): Promise<Map<string, TicketFact>> {
    const out = new Map<string, TicketFact>();
    if (!ticketIds.length) return out;
    const rows: { fact: Record<string, unknown>; stints: Record<string, unknown>[] }[] = await manager.query(
      `SELECT to_jsonb(f) AS fact,
              (SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.stint), '[]'::jsonb) FROM ledger.ticket_assignments a WHERE a.ticket_id = f.ticket_id) AS stints
       FROM ledger.ticket_facts f WHERE f.ticket_id = ANY($1::text[])`,
      [ticketIds],
    );
    for (const row of rows) {
      const fact = normalise<TicketFact>(row.fact);
      fact.lastSeq = Number(fact.lastSeq);
      fact.stints = row.stints.map((r) => {
        const s = normalise<Stint & Record<string, unknown>>(r);
        return {
          stint: s.stint,
          departmentId: s.departmentId,
          via: s.via,
          assignedAt: s.assignedAt,
          acknowledgedAt: s.acknowledgedAt,
          respondDueAt: s.respondDueAt,
          respondBreached: s.respondBreached,
          endedAt: s.endedAt,
          endedBy: s.endedBy,
        };
      });
      out.set(fact.ticketId, fact);
    }
    return out;
  }

  async save(manager: EntityManager, facts: TicketFact[]): Promise<void> {
    if (!facts.length) return;
    const columns = await this.columns(manager);
    const updates = columns.filter((c) => c !== 'ticket_id').map((c) => `${c} = EXCLUDED.${c}`);
    // One statement for both tables. Stints only ever grow (the reducer never drops one), so an
    // upsert by (ticket, stint) leaves exactly the reducer's list.
    await manager.query(
      `WITH facts AS (
         INSERT INTO ledger.ticket_facts (${columns.join(', ')})
         SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::ledger.ticket_facts, $1::jsonb)
         ON CONFLICT (ticket_id) DO UPDATE SET ${updates.join(', ')}
         RETURNING 1)
       , stints AS (
         INSERT INTO ledger.ticket_assignments SELECT * FROM jsonb_populate_recordset(NULL::ledger.ticket_assignments, $2::jsonb)
         ON CONFLICT (ticket_id, stint) DO UPDATE SET ${STINT_UPDATES}
         RETURNING 1)
       , closed AS (DELETE FROM ledger.open_tickets WHERE ticket_id = ANY($3::text[]) RETURNING 1)
       INSERT INTO ledger.open_tickets SELECT * FROM jsonb_populate_recordset(NULL::ledger.open_tickets, $4::jsonb)
       ON CONFLICT (ticket_id) DO UPDATE SET department_id = EXCLUDED.department_id, since = EXCLUDED.since,
         unresolved = EXCLUDED.unresolved, alert_level = EXCLUDED.alert_level`,
      [
        JSON.stringify(facts.map(toRow)),
        JSON.stringify(facts.flatMap(stintRows)),
        facts.filter((f) => !isOpen(f)).map((f) => f.ticketId),
        JSON.stringify(facts.filter(isOpen).map(openRow)),
      ],
    );
  }

  private async columns(manager: EntityManager): Promise<string[]> {
    if (!factColumns) {
      const rows: { column_name: string }[] = await manager.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'ledger' AND table_name = 'ticket_facts' ORDER BY ordinal_position`,
      );
      factColumns = rows.map((r) => r.column_name);
    }
    return factColumns;
  }
}
