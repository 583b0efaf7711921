import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket aggregate, its parts and timeline, attachments, the SLA read model, the local copy of
 * the directory, categories, idempotency keys and the ticket-number sequence.
 * External ids (enterprises, departments, grids, users) are text: they are identity's to shape.
 */
export class TicketSchema1763856000000 implements MigrationInterface {
  name = 'TicketSchema1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE ticket.ticket_number_seq`);
    await q.query(`CREATE TABLE ticket.tickets (
      id uuid PRIMARY KEY,
      number text NOT NULL UNIQUE,
      enterprise_id text NOT NULL,
      enterprise_name text NOT NULL,
      grid_id text,
      submitted_by_id text NOT NULL,
      submitted_by_role text NOT NULL,
      title varchar(100) NOT NULL,
      description varchar(4000) NOT NULL,
      category text NOT NULL,
      urgency text NOT NULL,
      location text,
      contact_name text NOT NULL,
      contact_phone text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL,
      lead_department_id text,
      first_handler_department_id text,
      acknowledged_since_assign boolean NOT NULL DEFAULT false,
      pending_extension jsonb,
      resolution jsonb,
      replied_this_round boolean NOT NULL DEFAULT false,
      feedback jsonb,
      reopen_count integer NOT NULL DEFAULT 0,
      close_outcome text,
      submitted_at timestamptz NOT NULL,
      closed_at timestamptz,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    )`);
    await q.query(`CREATE INDEX tickets_enterprise_idx ON ticket.tickets (enterprise_id, id)`);
    await q.query(`CREATE INDEX tickets_grid_idx ON ticket.tickets (grid_id, id)`);
    await q.query(`CREATE INDEX tickets_lead_idx ON ticket.tickets (lead_department_id, status)`);
    await q.query(`CREATE INDEX tickets_status_idx ON ticket.tickets (status, id)`);

    await q.query(`CREATE TABLE ticket.ticket_parts (
      ticket_id uuid NOT NULL REFERENCES ticket.tickets(id),
      department_id text NOT NULL,
      position integer NOT NULL,
      content text,
      reported_at timestamptz,
      reported_by text,
      PRIMARY KEY (ticket_id, department_id)
    )`);
    await q.query(`CREATE INDEX ticket_parts_department_idx ON ticket.ticket_parts (department_id)`);

    await q.query(`CREATE TABLE ticket.ticket_steps (
      id bigserial PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES ticket.tickets(id),
      version integer NOT NULL,
      action text NOT NULL,
      event_type text NOT NULL,
      event_id uuid NOT NULL,
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      reason text,
      status_from text,
      status_to text NOT NULL,
      occurred_at timestamptz NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      UNIQUE (ticket_id, version)
    )`);

    await q.query(`CREATE TABLE ticket.ticket_deadlines (
      ticket_id uuid PRIMARY KEY REFERENCES ticket.tickets(id),
      respond_due_at timestamptz,
      resolve_due_at timestamptz,
      reply_due_at timestamptz,
      feedback_due_at timestamptz,
      flags jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE ticket.attachments (
      id uuid PRIMARY KEY,
      sha256 char(64) NOT NULL,
      size bigint NOT NULL,
      content_type text NOT NULL,
      file_name text NOT NULL,
      uploaded_by_id text NOT NULL,
      uploaded_by_role text NOT NULL,
      ticket_id uuid REFERENCES ticket.tickets(id) DEFERRABLE INITIALLY DEFERRED,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX attachments_ticket_idx ON ticket.attachments (ticket_id)`);

    await q.query(`CREATE TABLE ticket.categories (
      code text PRIMARY KEY,
      zh text NOT NULL,
      en text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      position integer NOT NULL
    )`);
    for (const [i, c] of DEFAULT_CATEGORIES.entries()) {
      await q.query(`INSERT INTO ticket.categories (code, zh, en, position) VALUES ($1, $2, $3, $4)`, [
        c.code,
        c.zh,
        c.en,
        i,
      ]);
    }

    await q.query(`CREATE TABLE ticket.directory_enterprises (
      id text PRIMARY KEY,
      name text NOT NULL,
      grid_id text,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE ticket.directory_departments (
      id text PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      name_en text,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    // Known before identity speaks, so names show from the first ticket; identity's upserts win later.
    for (const d of DEFAULT_DEPARTMENTS) {
      await q.query(
        `INSERT INTO ticket.directory_departments (id, code, name, name_en, active, source_occurred_at) VALUES ($1, $2, $3, $4, true, '-infinity')`,
        [d.id, d.code, d.zh, d.en],
      );
    }

    await q.query(`CREATE TABLE ticket.idempotency_keys (
      user_id text NOT NULL,
      key text NOT NULL,
      request_hash char(64) NOT NULL,
      ticket_id uuid,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'idempotency_keys',
      'directory_departments',
      'directory_enterprises',
      'categories',
      'attachments',
      'ticket_deadlines',
      'ticket_steps',
      'ticket_parts',
      'tickets',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ticket.${t}`);
    }
    await q.query(`DROP SEQUENCE IF EXISTS ticket.ticket_number_seq`);
  }
}
