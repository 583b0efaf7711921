import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the ledger folds from the topics it chains since issues 13–16, all projections (rebuilt from
 * the entries like the others): the ticket's channel, merge, handler, who rated it and the
 * committee's triage clock; the instructors' task lists, visits, visit → ticket links and work log
 * (量化积分); joint meetings and their decisions (联席会议, 议定事项); the bulletins the committee
 * published (工作通报, chained by the ledger itself); users' names and roles.
 */
export class LedgerWorkRecords1765100000000 implements MigrationInterface {
  name = 'LedgerWorkRecords1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ledger.ticket_facts
        ADD COLUMN channel text,
        ADD COLUMN submitted_by_role text,
        ADD COLUMN visit_id text,
        ADD COLUMN merged_into text,
        ADD COLUMN merged_at timestamptz,
        ADD COLUMN handler_user_id text,
        ADD COLUMN handler_name text,
        ADD COLUMN feedback_via text,
        ADD COLUMN triage_due_at timestamptz,
        ADD COLUMN triage_stopped_at timestamptz,
        ADD COLUMN triage_outcome text,
        ADD COLUMN feedback_due_at timestamptz`);
    for (const c of [
      'received_web',
      'received_visit',
      'received_phone',
      'received_walk_in',
      'received_group_chat',
      'received_letter',
      'feedback_by_callback',
      'triage_stopped',
      'triage_on_time',
    ]) {
      await q.query(`ALTER TABLE ledger.stats_monthly ADD COLUMN ${c} integer NOT NULL DEFAULT 0`);
    }
    await q.query(
      `CREATE INDEX ticket_facts_handler_idx ON ledger.ticket_facts (department_id, month, handler_user_id) WHERE handler_user_id IS NOT NULL`,
    );

    await q.query(
      `CREATE TABLE ledger.users (id text PRIMARY KEY, name text NOT NULL, role text NOT NULL, department_id text, active boolean NOT NULL DEFAULT true)`,
    );
    await q.query(`
      CREATE TABLE ledger.task_lists (
        task_list_id text PRIMARY KEY,
        instructor_user_id text NOT NULL,
        month text NOT NULL,
        revision integer NOT NULL,
        items jsonb NOT NULL,
        planned_count integer NOT NULL,
        published_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX task_lists_month_idx ON ledger.task_lists (month, instructor_user_id)`);
    await q.query(`
      CREATE TABLE ledger.visits (
        visit_id text PRIMARY KEY,
        instructor_user_id text NOT NULL,
        instructor_name text NOT NULL,
        enterprise_id text NOT NULL,
        enterprise_name text NOT NULL,
        grid_id text,
        month text NOT NULL,
        visited_at timestamptz NOT NULL,
        mode text NOT NULL,
        planned boolean NOT NULL,
        problem_count integer NOT NULL,
        need_count integer NOT NULL
      )`);
    await q.query(`CREATE INDEX visits_month_idx ON ledger.visits (month, instructor_user_id)`);
    await q.query(`
      CREATE TABLE ledger.visit_tickets (
        visit_id text NOT NULL,
        problem_index integer NOT NULL,
        ticket_id text NOT NULL,
        ticket_number text NOT NULL,
        instructor_user_id text NOT NULL,
        month text NOT NULL,
        PRIMARY KEY (visit_id, problem_index)
      )`);
    await q.query(`CREATE INDEX visit_tickets_month_idx ON ledger.visit_tickets (month, instructor_user_id)`);
    await q.query(`
      CREATE TABLE ledger.work_log (
        entry_id text PRIMARY KEY,
        instructor_user_id text NOT NULL,
        day text NOT NULL,
        month text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL
      )`);
    await q.query(`CREATE INDEX work_log_month_idx ON ledger.work_log (month, instructor_user_id)`);

    await q.query(`
      CREATE TABLE ledger.meetings (
        meeting_id text PRIMARY KEY,
        title text,
        starts_at timestamptz,
        place text,
        status text NOT NULL DEFAULT 'scheduled',
        held_at timestamptz,
        held_month text,
        summary text,
        agenda_count integer,
        decision_ids text[],
        cancel_reason text
      )`);
    await q.query(
      `CREATE INDEX meetings_held_idx ON ledger.meetings (held_month) WHERE held_month IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE ledger.decisions (
        decision_id text PRIMARY KEY,
        meeting_id text,
        ticket_id text,
        title text,
        task text,
        lead_department_id text,
        co_handler_department_ids text[],
        due_working_days integer,
        cooperation boolean,
        decided_at timestamptz,
        decided_month text,
        due_at timestamptz,
        breached boolean,
        progress text,
        last_report text,
        reported_at timestamptz,
        outcome text,
        note text,
        closed_at timestamptz,
        closed_month text
      )`);
    await q.query(`CREATE INDEX decisions_decided_idx ON ledger.decisions (decided_month)`);
    await q.query(`CREATE INDEX decisions_closed_idx ON ledger.decisions (closed_month)`);

    await q.query(`
      CREATE TABLE ledger.bulletins (
        bulletin_id text PRIMARY KEY,
        period_kind text NOT NULL,
        period text NOT NULL,
        title text NOT NULL,
        published_at timestamptz NOT NULL,
        published_by_id text NOT NULL,
        published_by_name text NOT NULL,
        content jsonb NOT NULL
      )`);
    // One bulletin per period: the command refuses a second, and the chain never holds two.
    await q.query(`CREATE UNIQUE INDEX bulletins_period_uq ON ledger.bulletins (period_kind, period)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'bulletins',
      'decisions',
      'meetings',
      'work_log',
      'visit_tickets',
      'visits',
      'task_lists',
      'users',
    ])
      await q.query(`DROP TABLE IF EXISTS ledger.${t}`);
    await q.query(`DROP INDEX IF EXISTS ledger.ticket_facts_handler_idx`);
    await q.query(`ALTER TABLE ledger.stats_monthly
      DROP COLUMN received_web, DROP COLUMN received_visit, DROP COLUMN received_phone, DROP COLUMN received_walk_in,
      DROP COLUMN received_group_chat, DROP COLUMN received_letter, DROP COLUMN feedback_by_callback,
      DROP COLUMN triage_stopped, DROP COLUMN triage_on_time`);
    await q.query(`ALTER TABLE ledger.ticket_facts
      DROP COLUMN channel, DROP COLUMN submitted_by_role, DROP COLUMN visit_id, DROP COLUMN merged_into, DROP COLUMN merged_at,
      DROP COLUMN handler_user_id, DROP COLUMN handler_name, DROP COLUMN feedback_via, DROP COLUMN triage_due_at,
      DROP COLUMN triage_stopped_at, DROP COLUMN triage_outcome, DROP COLUMN feedback_due_at`);
  }
}
