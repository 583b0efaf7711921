import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket numbers without gaps within a year: one counter row per year, taken with the ticket in
 * one transaction (a sequence hands out numbers that a rolled-back submission never returns, and
 * a gap in the ledger's numbering is the first thing an inspector asks about). Each year's counter
 * starts after the highest number that year already has.
 */
export class TicketGaplessNumbers1764800000000 implements MigrationInterface {
  name = 'TicketGaplessNumbers1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ticket.ticket_number_counters (
      year int PRIMARY KEY,
      last_number int NOT NULL CHECK (last_number >= 0)
    )`);
    await q.query(`INSERT INTO ticket.ticket_number_counters (year, last_number)
      SELECT split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
        FROM ticket.tickets GROUP BY 1`);
    await q.query(`DROP SEQUENCE ticket.ticket_number_seq`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE ticket.ticket_number_seq`);
    await q.query(
      `SELECT setval('ticket.ticket_number_seq', GREATEST(1, (SELECT max(last_number) FROM ticket.ticket_number_counters)))`,
    );
    await q.query(`DROP TABLE ticket.ticket_number_counters`);
  }
}
