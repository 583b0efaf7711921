import { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchTables1763856000000 implements MigrationInterface {
  name = 'DispatchTables1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.departments (
      id text PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      name_en text,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    // The current version of each rule; every version, the current one included, is in routing_rule_versions.
    await q.query(`CREATE TABLE dispatch.routing_rules (
      id uuid PRIMARY KEY,
      version integer NOT NULL,
      name text NOT NULL,
      priority integer NOT NULL,
      enabled boolean NOT NULL,
      conditions jsonb NOT NULL,
      lead_department_id text NOT NULL,
      co_handler_department_ids jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by text NOT NULL
    )`);
    await q.query(
      `CREATE INDEX routing_rules_order_idx ON dispatch.routing_rules (priority, created_at, id)`,
    );
    await q.query(`CREATE TABLE dispatch.routing_rule_versions (
      rule_id uuid NOT NULL REFERENCES dispatch.routing_rules (id),
      version integer NOT NULL,
      name text NOT NULL,
      enabled boolean NOT NULL,
      conditions jsonb NOT NULL,
      lead_department_id text NOT NULL,
      co_handler_department_ids jsonb NOT NULL,
      change text NOT NULL CHECK (change IN ('created', 'edited', 'enabled', 'disabled')),
      changed_at timestamptz NOT NULL DEFAULT now(),
      changed_by text NOT NULL,
      PRIMARY KEY (rule_id, version)
    )`);

    await q.query(`CREATE TABLE dispatch.dispatch_tickets (
      ticket_id text PRIMARY KEY,
      number text NOT NULL,
      enterprise_id text NOT NULL,
      enterprise_name text,
      title text,
      description text,
      category text NOT NULL,
      urgency text,
      grid_id text,
      submitted_at timestamptz,
      status text NOT NULL CHECK (status IN ('triage', 'decided', 'withdrawn', 'closed')),
      lead_department_id text,
      co_handler_department_ids jsonb NOT NULL DEFAULT '[]',
      first_handler_department_id text,
      decided_via text CHECK (decided_via IN ('rule', 'manual')),
      rule_id uuid,
      rule_version integer,
      explanation text,
      decided_at timestamptz,
      decided_by text,
      events_emitted integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX dispatch_tickets_triage_idx ON dispatch.dispatch_tickets (submitted_at, ticket_id) WHERE status = 'triage'`,
    );

    await q.query(`CREATE TABLE dispatch.transfer_requests (
      id uuid PRIMARY KEY,
      ticket_id text NOT NULL,
      ticket_number text NOT NULL,
      from_department_id text NOT NULL,
      reason text NOT NULL,
      requested_at timestamptz NOT NULL,
      requested_by text NOT NULL,
      source_event_id uuid NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
      decided_at timestamptz,
      decided_by text,
      lead_department_id text,
      co_handler_department_ids jsonb NOT NULL DEFAULT '[]',
      note text
    )`);
    await q.query(
      `CREATE INDEX transfer_requests_status_idx ON dispatch.transfer_requests (status, requested_at, id)`,
    );
    await q.query(`CREATE INDEX transfer_requests_ticket_idx ON dispatch.transfer_requests (ticket_id)`);

    // Append-only: what the desk saw and decided about each ticket, in order.
    await q.query(`CREATE TABLE dispatch.ticket_history (
      seq bigserial PRIMARY KEY,
      ticket_id text NOT NULL,
      kind text NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      department_id text,
      details jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX ticket_history_ticket_idx ON dispatch.ticket_history (ticket_id, seq)`);

    // One row per counted fact; the stats endpoint sums them over a period.
    await q.query(`CREATE TABLE dispatch.department_activity (
      seq bigserial PRIMARY KEY,
      department_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('assigned', 'transfer_requested', 'transfer_approved', 'transfer_rejected', 'reopened')),
      ticket_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      source_id text NOT NULL,
      UNIQUE (kind, source_id)
    )`);
    await q.query(`CREATE INDEX department_activity_time_idx ON dispatch.department_activity (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'department_activity',
      'ticket_history',
      'transfer_requests',
      'dispatch_tickets',
      'routing_rule_versions',
      'routing_rules',
      'departments',
    ]) {
      await q.query(`DROP TABLE IF EXISTS dispatch.${t}`);
    }
  }
}
