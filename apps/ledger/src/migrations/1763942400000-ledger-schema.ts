import { MigrationInterface, QueryRunner } from 'typeorm';

export const LEDGER_WRITER_ROLE = 'ledger_writer';
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash-chained ledger and its read models. The chain tables (entries, seals) are append-only
 * twice over: a trigger refuses UPDATE/DELETE/TRUNCATE for everyone who has not disabled triggers,
 * and the service writes them as `ledger_writer`, a NOLOGIN role holding only SELECT and INSERT
 * (docs/adr/0012-ledger-append-only.md). Everything else here is a projection, rebuildable from
 * the entries.
 */
export class LedgerSchema1763942400000 implements MigrationInterface {
  name = 'LedgerSchema1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.entries (
        seq bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        topic text NOT NULL,
        event_version integer NOT NULL,
        aggregate_id text NOT NULL,
        aggregate_version integer NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        ticket_id text,
        department_id text,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(
      `CREATE INDEX entries_ticket_idx ON ledger.entries (ticket_id, seq) WHERE ticket_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX entries_occurred_idx ON ledger.entries (occurred_at)`);
    await q.query(`
      CREATE TABLE ledger.chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`INSERT INTO ledger.chain_head (id, seq, hash) VALUES (1, 0, '${GENESIS_HASH}')`);
    await q.query(`
      CREATE TABLE ledger.seals (
        seal_no bigint PRIMARY KEY,
        reason text NOT NULL CHECK (reason IN ('daily', 'on_demand')),
        sealed_on date NOT NULL,
        sealed_at timestamptz NOT NULL,
        last_seq bigint NOT NULL,
        last_hash char(64) NOT NULL,
        entry_count bigint NOT NULL,
        prev_seal_hash char(64) NOT NULL,
        seal_hash char(64) NOT NULL
      )`);
    // One daily seal per (Asia/Shanghai) day, however many instances race for it.
    await q.query(`CREATE UNIQUE INDEX seals_daily_uq ON ledger.seals (sealed_on) WHERE reason = 'daily'`);

    await q.query(`
      CREATE FUNCTION ledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger.% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'the ledger can only be appended to';
      END $$`);
    for (const table of ['entries', 'seals']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ledger.${table}
        FOR EACH ROW EXECUTE FUNCTION ledger.refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ledger.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ledger.refuse_change()`);
    }

    // Roles are cluster-wide: another database (or a parallel migration) may have created it.
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${LEDGER_WRITER_ROLE}') THEN
          CREATE ROLE ${LEDGER_WRITER_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON ledger.entries, ledger.seals FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA ledger TO ${LEDGER_WRITER_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON ledger.entries, ledger.seals TO ${LEDGER_WRITER_ROLE}`);
    // The service's login must be a member to SET ROLE; a superuser needs no membership.
    await q.query(`
      DO $$
      BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, '${LEDGER_WRITER_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${LEDGER_WRITER_ROLE} TO %I', current_user);
        END IF;
      END $$`);

    // Local copies of the directory, for names in exports and scoping (from directory events).
    await q.query(
      `CREATE TABLE ledger.departments (id text PRIMARY KEY, code text, name text NOT NULL, name_en text, active boolean NOT NULL DEFAULT true)`,
    );
    await q.query(
      `CREATE TABLE ledger.enterprises (id text PRIMARY KEY, name text NOT NULL, credit_code text, grid_id text, industry text, address text, active boolean NOT NULL DEFAULT true)`,
    );
    await q.query(`CREATE TABLE ledger.grids (id text PRIMARY KEY, code text, name text NOT NULL)`);

    await q.query(`
      CREATE TABLE ledger.ticket_facts (
        ticket_id text PRIMARY KEY,
        number text,
        enterprise_id text,
        enterprise_name text,
        title text,
        description text,
        category text NOT NULL DEFAULT '',
        urgency text,
        grid_id text NOT NULL DEFAULT '',
        month text NOT NULL DEFAULT '',
        status text,
        department_id text NOT NULL DEFAULT '',
        first_handler_department_id text,
        co_handler_department_ids text[] NOT NULL DEFAULT '{}',
        first_seen_at timestamptz NOT NULL,
        submitted_at timestamptz,
        assigned_at timestamptz,
        acknowledged_at timestamptz,
        respond_due_at timestamptz,
        resolve_due_at timestamptz,
        original_resolve_due_at timestamptz,
        resolve_breached boolean NOT NULL DEFAULT false,
        reply_due_at timestamptz,
        reply_breached boolean NOT NULL DEFAULT false,
        extension_count integer NOT NULL DEFAULT 0,
        resolved_at timestamptz,
        last_resolved_at timestamptz,
        result text,
        replied_at timestamptz,
        reply_message text,
        feedback_at timestamptz,
        feedback_count integer NOT NULL DEFAULT 0,
        contacted boolean,
        solved boolean,
        satisfaction text,
        feedback_comment text,
        reopen_count integer NOT NULL DEFAULT 0,
        transfer_count integer NOT NULL DEFAULT 0,
        transfer_request_count integer NOT NULL DEFAULT 0,
        closed_at timestamptz,
        close_outcome text,
        withdrawn_at timestamptz,
        respond_alert text,
        resolve_alert text,
        reply_alert text,
        alert_level text,
        supervise_level text,
        joint_meeting_at timestamptz,
        joint_meeting_reason text,
        last_seq bigint NOT NULL,
        last_event_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX ticket_facts_key_idx ON ledger.ticket_facts (department_id, category, grid_id, month)`,
    );
    await q.query(`CREATE INDEX ticket_facts_month_idx ON ledger.ticket_facts (month, department_id)`);
    await q.query(`CREATE INDEX ticket_facts_submitted_idx ON ledger.ticket_facts (submitted_at)`);
    await q.query(
      `CREATE INDEX ticket_facts_enterprise_idx ON ledger.ticket_facts (enterprise_id, submitted_at)`,
    );
    // "Now" figures (overdue, backlog) read only open tickets: a small part of a big table.
    await q.query(`CREATE INDEX ticket_facts_open_idx ON ledger.ticket_facts (department_id, submitted_at)
      INCLUDE (alert_level) WHERE closed_at IS NULL AND withdrawn_at IS NULL`);
    await q.query(
      `CREATE INDEX ticket_facts_joint_idx ON ledger.ticket_facts (joint_meeting_at) WHERE joint_meeting_at IS NOT NULL`,
    );

    // One row per stint of a department as lead: response and transfers are judged per stint.
    await q.query(`
      CREATE TABLE ledger.ticket_assignments (
        ticket_id text NOT NULL,
        stint integer NOT NULL,
        department_id text NOT NULL,
        category text NOT NULL,
        grid_id text NOT NULL,
        month text NOT NULL,
        excluded boolean NOT NULL,
        via text,
        assigned_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        respond_due_at timestamptz,
        respond_breached boolean NOT NULL DEFAULT false,
        ended_at timestamptz,
        ended_by text,
        PRIMARY KEY (ticket_id, stint)
      )`);
    await q.query(
      `CREATE INDEX ticket_assignments_key_idx ON ledger.ticket_assignments (department_id, category, grid_id, month)`,
    );

    await q.query(`
      CREATE TABLE ledger.stats_monthly (
        department_id text NOT NULL,
        category text NOT NULL,
        grid_id text NOT NULL,
        month text NOT NULL,
        received integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        assignments integer NOT NULL DEFAULT 0,
        ack_due integer NOT NULL DEFAULT 0,
        ack_on_time integer NOT NULL DEFAULT 0,
        transfers integer NOT NULL DEFAULT 0,
        resolve_due integer NOT NULL DEFAULT 0,
        resolved_on_time integer NOT NULL DEFAULT 0,
        resolved integer NOT NULL DEFAULT 0,
        reply_due integer NOT NULL DEFAULT 0,
        replied_on_time integer NOT NULL DEFAULT 0,
        feedback integer NOT NULL DEFAULT 0,
        solved integer NOT NULL DEFAULT 0,
        satisfied integer NOT NULL DEFAULT 0,
        basically_satisfied integer NOT NULL DEFAULT 0,
        unsatisfied integer NOT NULL DEFAULT 0,
        no_feedback integer NOT NULL DEFAULT 0,
        reopened integer NOT NULL DEFAULT 0,
        reopens integer NOT NULL DEFAULT 0,
        extended integer NOT NULL DEFAULT 0,
        joint_handling integer NOT NULL DEFAULT 0,
        joint_meeting integer NOT NULL DEFAULT 0,
        closed integer NOT NULL DEFAULT 0,
        PRIMARY KEY (department_id, category, grid_id, month)
      )`);
    await q.query(`CREATE INDEX stats_monthly_month_idx ON ledger.stats_monthly (month, department_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'stats_monthly',
      'ticket_assignments',
      'ticket_facts',
      'grids',
      'enterprises',
      'departments',
      'seals',
      'chain_head',
      'entries',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ledger.${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS ledger.refuse_change()`);
  }
}
