import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline is the record of who did what: no code path edits it, and the database refuses
 * it too, so no user (nor a bug) can rewrite a step.
 */
export class TicketStepsAppendOnly1763942400000 implements MigrationInterface {
  name = 'TicketStepsAppendOnly1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION ticket.ticket_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'ticket.ticket_steps is append-only (% refused)', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER ticket_steps_no_change BEFORE UPDATE OR DELETE ON ticket.ticket_steps
      FOR EACH ROW EXECUTE FUNCTION ticket.ticket_steps_append_only()`);
    await q.query(`CREATE TRIGGER ticket_steps_no_truncate BEFORE TRUNCATE ON ticket.ticket_steps
      FOR EACH STATEMENT EXECUTE FUNCTION ticket.ticket_steps_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER ticket_steps_no_truncate ON ticket.ticket_steps');
    await q.query('DROP TRIGGER ticket_steps_no_change ON ticket.ticket_steps');
    await q.query('DROP FUNCTION ticket.ticket_steps_append_only()');
  }
}
