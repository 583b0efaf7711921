import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service desk's everyday tools (issue 16) and callbacks (issue 15):
 * - on the ticket: the question waiting for the enterprise (补充材料), the named handler (承办人),
 *   the latest reply, merging (the main ticket a duplicate follows, a main ticket's duplicates)
 *   and links between related tickets;
 * - on the timeline: the code and parameters of a step the ticket writes itself (rendered in the
 *   reader's language; steps written before keep their sentence, read as their code);
 * - on attachments: whether a file belongs to an internal note (never shown to the enterprise);
 * - on the SLA read model: the callback deadline, when the feedback window lapsed (待回访), and
 *   which clocks are paused and why;
 * - the department staff of the directory (handlers), and reply templates (常用语).
 */
export class TicketServiceDesk1765200000000 implements MigrationInterface {
  name = 'TicketServiceDesk1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket.tickets
      ADD COLUMN open_information_request jsonb,
      ADD COLUMN handler_user_id text,
      ADD COLUMN handler_name text,
      ADD COLUMN last_reply jsonb,
      ADD COLUMN merged_into_id uuid,
      ADD COLUMN merged_into_number text,
      ADD COLUMN follows_main boolean NOT NULL DEFAULT false,
      ADD COLUMN duplicates jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN related_ticket_ids jsonb NOT NULL DEFAULT '[]'`);
    await q.query(
      `ALTER TABLE ticket.tickets ADD CONSTRAINT tickets_follows_merged CHECK (NOT follows_main OR merged_into_id IS NOT NULL)`,
    );
    await q.query(
      `CREATE INDEX tickets_handler_idx ON ticket.tickets (handler_user_id) WHERE handler_user_id IS NOT NULL`,
    );
    // The similar-ticket lookup: an enterprise's open tickets of the last weeks.
    await q.query(
      `CREATE INDEX tickets_enterprise_open_idx ON ticket.tickets (enterprise_id, submitted_at DESC) WHERE status NOT IN ('closed', 'withdrawn')`,
    );

    await q.query(
      `ALTER TABLE ticket.ticket_steps ADD COLUMN reason_code text, ADD COLUMN reason_params jsonb`,
    );

    await q.query(`ALTER TABLE ticket.attachments ADD COLUMN internal boolean NOT NULL DEFAULT false`);

    await q.query(`ALTER TABLE ticket.ticket_deadlines
      ADD COLUMN callback_due_at timestamptz,
      ADD COLUMN feedback_lapsed_at timestamptz,
      ADD COLUMN paused jsonb NOT NULL DEFAULT '{}'`);

    await q.query(`CREATE TABLE ticket.directory_users (
      id text PRIMARY KEY,
      display_name text NOT NULL,
      role text NOT NULL,
      department_id text,
      active boolean NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE INDEX directory_users_department_idx ON ticket.directory_users (department_id) WHERE department_id IS NOT NULL`,
    );

    await q.query(`CREATE TABLE ticket.reply_templates (
      id uuid PRIMARY KEY,
      scope text NOT NULL CHECK (scope IN ('department', 'zone')),
      department_id text,
      title varchar(100) NOT NULL,
      body varchar(2000) NOT NULL,
      created_by_id text NOT NULL,
      updated_by_id text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL,
      CHECK ((scope = 'department') = (department_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX reply_templates_scope_idx ON ticket.reply_templates (scope, department_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket.reply_templates`);
    await q.query(`DROP TABLE ticket.directory_users`);
    await q.query(`ALTER TABLE ticket.ticket_deadlines
      DROP COLUMN paused, DROP COLUMN feedback_lapsed_at, DROP COLUMN callback_due_at`);
    await q.query(`ALTER TABLE ticket.attachments DROP COLUMN internal`);
    await q.query(`ALTER TABLE ticket.ticket_steps DROP COLUMN reason_params, DROP COLUMN reason_code`);
    await q.query(`DROP INDEX ticket.tickets_enterprise_open_idx`);
    await q.query(`DROP INDEX ticket.tickets_handler_idx`);
    await q.query(`ALTER TABLE ticket.tickets DROP CONSTRAINT tickets_follows_merged`);
    await q.query(`ALTER TABLE ticket.tickets
      DROP COLUMN related_ticket_ids, DROP COLUMN duplicates, DROP COLUMN follows_main,
      DROP COLUMN merged_into_number, DROP COLUMN merged_into_id, DROP COLUMN last_reply,
      DROP COLUMN handler_name, DROP COLUMN handler_user_id, DROP COLUMN open_information_request`);
  }
}
