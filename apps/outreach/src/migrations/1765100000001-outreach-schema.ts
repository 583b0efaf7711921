import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The instructors' work: liaisons (联系制度), monthly task lists (任务清单), visits (走访记录) with
 * their photos and idempotency keys, needs (需求清单), the work log (工作日志), the history of every
 * change (append-only), the copy of the directory this service needs and what it learns of tickets.
 * External ids (enterprises, grids, users, departments) are text: they are identity's to shape.
 */
export class OutreachSchema1765100000001 implements MigrationInterface {
  name = 'OutreachSchema1765100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outreach.directory_enterprises (
      id text PRIMARY KEY,
      name text NOT NULL,
      grid_id text,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX directory_enterprises_grid_idx ON outreach.directory_enterprises (grid_id)`);
    await q.query(`CREATE TABLE outreach.directory_grids (
      id text PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      instructor_user_ids text[] NOT NULL DEFAULT '{}',
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE outreach.directory_users (
      id text PRIMARY KEY,
      display_name text NOT NULL,
      role text NOT NULL,
      grid_ids text[] NOT NULL DEFAULT '{}',
      department_id text,
      enterprise_id text,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE outreach.directory_departments (
      id text PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    // Known before identity speaks, so a department liaison can be named at once; identity's upserts win later.
    for (const d of DEFAULT_DEPARTMENTS) {
      await q.query(
        `INSERT INTO outreach.directory_departments (id, code, name, active, source_occurred_at) VALUES ($1, $2, $3, true, '-infinity')`,
        [d.id, d.code, d.zh],
      );
    }

    await q.query(`CREATE TABLE outreach.liaisons (
      enterprise_id text PRIMARY KEY,
      enterprise_name text NOT NULL,
      grid_id text,
      key_enterprise boolean NOT NULL,
      instructor_user_ids text[] NOT NULL,
      leader jsonb,
      department jsonb,
      version integer NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by text NOT NULL
    )`);

    await q.query(`CREATE TABLE outreach.task_lists (
      id uuid PRIMARY KEY,
      instructor_user_id text NOT NULL,
      instructor_name text NOT NULL,
      month char(7) NOT NULL,
      status text NOT NULL CHECK (status IN ('draft', 'published')),
      items jsonb NOT NULL,
      revision integer NOT NULL,
      version integer NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      published_at timestamptz,
      UNIQUE (instructor_user_id, month)
    )`);
    await q.query(`CREATE INDEX task_lists_month_idx ON outreach.task_lists (month, instructor_user_id)`);

    await q.query(`CREATE TABLE outreach.visit_photos (
      id uuid PRIMARY KEY,
      sha256 char(64) NOT NULL,
      size bigint NOT NULL,
      content_type text NOT NULL,
      file_name text NOT NULL,
      uploaded_by_id text NOT NULL,
      visit_id uuid,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE outreach.visits (
      id uuid PRIMARY KEY,
      enterprise_id text NOT NULL,
      enterprise_name text NOT NULL,
      grid_id text,
      instructor_user_id text NOT NULL,
      instructor_name text NOT NULL,
      instructor_grid_ids text[] NOT NULL,
      companions text[] NOT NULL,
      visited_at timestamptz NOT NULL,
      month char(7) NOT NULL,
      mode text NOT NULL,
      topics text[] NOT NULL,
      findings text NOT NULL,
      photos jsonb NOT NULL,
      problems jsonb NOT NULL,
      need_ids text[] NOT NULL,
      planned boolean NOT NULL,
      task_list_id uuid,
      links jsonb NOT NULL,
      version integer NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX visits_instructor_month_idx ON outreach.visits (instructor_user_id, month)`);
    await q.query(`CREATE INDEX visits_enterprise_idx ON outreach.visits (enterprise_id, visited_at)`);
    await q.query(`CREATE TABLE outreach.visit_idempotency_keys (
      user_id text NOT NULL,
      key text NOT NULL,
      request_hash char(64) NOT NULL,
      visit_id uuid,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    )`);

    await q.query(`CREATE TABLE outreach.needs (
      id uuid PRIMARY KEY,
      enterprise_id text NOT NULL,
      enterprise_name text NOT NULL,
      grid_id text,
      kind text NOT NULL,
      title varchar(100) NOT NULL,
      description varchar(2000) NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'in_progress', 'met', 'closed')),
      owner_department_id text,
      owner_user_id text,
      ticket_id uuid,
      visit_id uuid,
      instructor_user_id text,
      created_by_id text NOT NULL,
      created_by_role text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    )`);
    await q.query(`CREATE INDEX needs_enterprise_idx ON outreach.needs (enterprise_id, created_at)`);
    await q.query(`CREATE INDEX needs_owner_department_idx ON outreach.needs (owner_department_id)`);

    await q.query(`CREATE TABLE outreach.work_log_entries (
      id uuid PRIMARY KEY,
      instructor_user_id text NOT NULL,
      day date NOT NULL,
      kind text NOT NULL,
      title varchar(100) NOT NULL,
      content varchar(2000) NOT NULL,
      enterprise_id text,
      hours numeric(4, 1),
      created_at timestamptz NOT NULL,
      version integer NOT NULL
    )`);
    await q.query(
      `CREATE INDEX work_log_instructor_day_idx ON outreach.work_log_entries (instructor_user_id, day)`,
    );

    // What the ticket events say about every ticket: who may see it, how it ended, and its visit.
    await q.query(`CREATE TABLE outreach.ticket_copies (
      ticket_id uuid PRIMARY KEY,
      number text NOT NULL,
      enterprise_id text NOT NULL,
      grid_id text,
      lead_department_id text,
      co_handler_department_ids text[] NOT NULL,
      status text NOT NULL,
      visit_id uuid,
      visit_problem_index integer,
      solved boolean,
      satisfaction text,
      closed_at timestamptz,
      source_version integer NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE INDEX ticket_copies_visit_idx ON outreach.ticket_copies (visit_id) WHERE visit_id IS NOT NULL`,
    );

    await q.query(`CREATE TABLE outreach.history (
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
    await q.query(`CREATE FUNCTION outreach.history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'outreach.history is append-only (% refused)', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER history_no_change BEFORE UPDATE OR DELETE ON outreach.history
      FOR EACH ROW EXECUTE FUNCTION outreach.history_append_only()`);
    await q.query(`CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON outreach.history
      FOR EACH STATEMENT EXECUTE FUNCTION outreach.history_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'history',
      'ticket_copies',
      'work_log_entries',
      'needs',
      'visit_idempotency_keys',
      'visits',
      'visit_photos',
      'task_lists',
      'liaisons',
      'directory_departments',
      'directory_users',
      'directory_grids',
      'directory_enterprises',
    ]) {
      await q.query(`DROP TABLE outreach.${table}`);
    }
    await q.query('DROP FUNCTION outreach.history_append_only()');
  }
}
