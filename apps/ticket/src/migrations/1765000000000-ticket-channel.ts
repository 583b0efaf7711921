import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 受理渠道: where a ticket came in. Every ticket so far came through the web form; a ticket raised
 * in an instructor's visit names the visit (outreach's id: no foreign key across schemas).
 */
export class TicketChannel1765000000000 implements MigrationInterface {
  name = 'TicketChannel1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket.tickets ADD COLUMN channel text NOT NULL DEFAULT 'web'`);
    await q.query(`ALTER TABLE ticket.tickets ADD COLUMN visit_id uuid`);
    await q.query(
      `ALTER TABLE ticket.tickets ADD CONSTRAINT tickets_visit_channel CHECK ((channel = 'visit') = (visit_id IS NOT NULL))`,
    );
    await q.query(`CREATE INDEX tickets_visit_idx ON ticket.tickets (visit_id) WHERE visit_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket.tickets_visit_idx`);
    await q.query(`ALTER TABLE ticket.tickets DROP CONSTRAINT tickets_visit_channel`);
    await q.query(`ALTER TABLE ticket.tickets DROP COLUMN visit_id`);
    await q.query(`ALTER TABLE ticket.tickets DROP COLUMN channel`);
  }
}
