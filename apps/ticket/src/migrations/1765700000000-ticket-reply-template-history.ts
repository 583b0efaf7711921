import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 常用语: what each reply template said after each change and who changed it (append-only), and
 * one title per owner (the zone, or one department), case-insensitive.
 */
export class TicketReplyTemplateHistory1765700000000 implements MigrationInterface {
  name = 'TicketReplyTemplateHistory1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ticket.reply_template_history (
      id bigserial PRIMARY KEY,
      template_id uuid NOT NULL,
      version integer NOT NULL,
      action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      title varchar(100) NOT NULL,
      body varchar(2000) NOT NULL,
      occurred_at timestamptz NOT NULL,
      UNIQUE (template_id, version)
    )`);
    await q.query(`CREATE FUNCTION ticket.reply_template_history_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'reply_template_history is append-only'; END $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER reply_template_history_append_only BEFORE UPDATE OR DELETE ON ticket.reply_template_history
      FOR EACH ROW EXECUTE FUNCTION ticket.reply_template_history_append_only()`);
    await q.query(
      `CREATE UNIQUE INDEX reply_templates_title_idx ON ticket.reply_templates (scope, COALESCE(department_id, ''), lower(title))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket.reply_templates_title_idx`);
    await q.query(`DROP TABLE ticket.reply_template_history`);
    await q.query(`DROP FUNCTION ticket.reply_template_history_append_only()`);
  }
}
