import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Joint meetings (联席会议): meetings with their agenda items, decisions (议定事项) with their
 * reports and what the SLA engine says of their clocks, the agenda candidates the escalation ladder
 * sends, the copies of tickets, needs and the directory this service needs, and the history of
 * every change (append-only). External ids (enterprises, users, departments) are text: they are
 * identity's to shape.
 */
export class MeetingSchema1765200000001 implements MigrationInterface {
  name = 'MeetingSchema1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE meeting.directory_departments (
      id text PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    // Known before identity speaks, so a decision can name a department at once; identity's upserts win later.
    for (const d of DEFAULT_DEPARTMENTS) {
      await q.query(
        `INSERT INTO meeting.directory_departments (id, code, name, active, source_occurred_at) VALUES ($1, $2, $3, true, '-infinity')`,
        [d.id, d.code, d.zh],
      );
    }
    await q.query(`CREATE TABLE meeting.directory_enterprises (
      id text PRIMARY KEY,
      name text NOT NULL,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE meeting.directory_users (
      id text PRIMARY KEY,
      display_name text NOT NULL,
      role text NOT NULL,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);

    // What the ticket events say of a ticket that may go on an agenda.
    await q.query(`CREATE TABLE meeting.ticket_copies (
      ticket_id uuid PRIMARY KEY,
      number text NOT NULL,
      title text,
      enterprise_id text NOT NULL,
      enterprise_name text,
      lead_department_id text,
      co_handler_department_ids text[] NOT NULL,
      status text NOT NULL,
      source_version integer NOT NULL
    )`);
    // What outreach says of an enterprise's need (需求清单).
    await q.query(`CREATE TABLE meeting.need_copies (
      need_id uuid PRIMARY KEY,
      enterprise_id text NOT NULL,
      enterprise_name text,
      title text,
      kind text NOT NULL,
      status text NOT NULL,
      owner_department_id text,
      source_occurred_at timestamptz NOT NULL
    )`);
    // Tickets the escalation ladder (or the committee's supervision) sent to the joint meeting.
    await q.query(`CREATE TABLE meeting.agenda_candidates (
      ticket_id uuid PRIMARY KEY,
      reason text NOT NULL CHECK (reason IN ('escalation', 'supervision')),
      raised_at timestamptz NOT NULL,
      note text NOT NULL DEFAULT ''
    )`);

    await q.query(`CREATE TABLE meeting.meetings (
      id uuid PRIMARY KEY,
      title varchar(200) NOT NULL,
      starts_at timestamptz NOT NULL,
      place varchar(200) NOT NULL,
      convenor_id text NOT NULL,
      convenor_name text NOT NULL,
      status text NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled')),
      invited_department_ids text[] NOT NULL,
      invited_enterprise_ids text[] NOT NULL,
      held_at timestamptz,
      attendance jsonb,
      summary varchar(5000),
      decision_ids uuid[] NOT NULL DEFAULT '{}',
      cancel_reason varchar(1000),
      created_by_id text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    )`);
    await q.query(`CREATE INDEX meetings_starts_at_idx ON meeting.meetings (starts_at, id)`);
    await q.query(`CREATE INDEX meetings_held_at_idx ON meeting.meetings (held_at) WHERE status = 'held'`);
    await q.query(
      `CREATE INDEX meetings_invited_departments_idx ON meeting.meetings USING gin (invited_department_ids)`,
    );
    await q.query(`CREATE TABLE meeting.agenda_items (
      meeting_id uuid NOT NULL REFERENCES meeting.meetings (id),
      item_id uuid NOT NULL,
      position integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ticket', 'need', 'decision', 'topic')),
      source text NOT NULL CHECK (source IN ('escalation', 'manual', 'follow_up')),
      title varchar(200) NOT NULL,
      ticket_id uuid,
      ticket_number text,
      need_id uuid,
      decision_id uuid,
      enterprise_id text,
      department_ids text[] NOT NULL,
      added_at timestamptz NOT NULL,
      PRIMARY KEY (meeting_id, item_id),
      UNIQUE (item_id)
    )`);
    await q.query(
      `CREATE INDEX agenda_items_ticket_idx ON meeting.agenda_items (ticket_id) WHERE ticket_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX agenda_items_decision_idx ON meeting.agenda_items (decision_id) WHERE decision_id IS NOT NULL`,
    );

    await q.query(`CREATE TABLE meeting.decisions (
      id uuid PRIMARY KEY,
      meeting_id uuid NOT NULL REFERENCES meeting.meetings (id),
      item_id uuid NOT NULL,
      ticket_id uuid,
      need_id uuid,
      enterprise_id text,
      title varchar(200) NOT NULL,
      task varchar(2000) NOT NULL,
      lead_department_id text NOT NULL,
      co_handler_department_ids text[] NOT NULL,
      due_working_days integer NOT NULL CHECK (due_working_days BETWEEN 1 AND 3650),
      cooperation boolean NOT NULL,
      decided_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'done', 'closed')),
      reports jsonb NOT NULL DEFAULT '[]',
      outcome text CHECK (outcome IN ('solved', 'unsolved', 'withdrawn')),
      close_note varchar(2000),
      closed_at timestamptz,
      reported_at_meeting_id uuid,
      due_at timestamptz,
      flag text CHECK (flag IN ('yellow', 'red')),
      escalation text,
      version integer NOT NULL,
      UNIQUE (meeting_id, item_id)
    )`);
    await q.query(`CREATE INDEX decisions_lead_idx ON meeting.decisions (lead_department_id, decided_at)`);
    await q.query(
      `CREATE INDEX decisions_co_handlers_idx ON meeting.decisions USING gin (co_handler_department_ids)`,
    );
    await q.query(
      `CREATE INDEX decisions_enterprise_idx ON meeting.decisions (enterprise_id) WHERE enterprise_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX decisions_open_idx ON meeting.decisions (decided_at) WHERE status <> 'closed'`,
    );

    await q.query(`CREATE TABLE meeting.history (
      id bigserial PRIMARY KEY,
      aggregate_type text NOT NULL,
      aggregate_id text NOT NULL,
      version integer NOT NULL,
      event_type text NOT NULL,
      event_id uuid NOT NULL UNIQUE,
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      occurred_at timestamptz NOT NULL,
      payload jsonb NOT NULL,
      UNIQUE (aggregate_type, aggregate_id, version)
    )`);
    await q.query(`CREATE FUNCTION meeting.history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'meeting.history is append-only (% refused)', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER history_no_change BEFORE UPDATE OR DELETE ON meeting.history
      FOR EACH ROW EXECUTE FUNCTION meeting.history_append_only()`);
    await q.query(`CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON meeting.history
      FOR EACH STATEMENT EXECUTE FUNCTION meeting.history_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'history',
      'decisions',
      'agenda_items',
      'meetings',
      'agenda_candidates',
      'need_copies',
      'ticket_copies',
      'directory_users',
      'directory_enterprises',
      'directory_departments',
    ]) {
      await q.query(`DROP TABLE meeting.${table}`);
    }
    await q.query('DROP FUNCTION meeting.history_append_only()');
  }
}
