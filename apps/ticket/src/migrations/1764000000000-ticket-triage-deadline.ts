import { MigrationInterface, QueryRunner } from 'typeorm';

/** The committee's triage clock (sla's `triage` timer), shown while a ticket waits for the desk. */
export class TicketTriageDeadline1764000000000 implements MigrationInterface {
  name = 'TicketTriageDeadline1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE ticket.ticket_deadlines ADD COLUMN triage_due_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE ticket.ticket_deadlines DROP COLUMN triage_due_at');
  }
}
