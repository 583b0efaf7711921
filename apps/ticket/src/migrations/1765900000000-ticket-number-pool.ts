import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket numbers from a pool of free numbers instead of one counter row held to the commit.
 *
 * Before, every submission bumped the year's counter row and held its lock until it committed, so
 * submissions went one at a time from the number to the commit (the intake bench measured 0.2–1.3 s
 * of lock wait per ticket at eight concurrent submitters). Now a submission takes the lowest free
 * number of the year with `FOR UPDATE SKIP LOCKED` and deletes it from the pool: concurrent
 * submissions take different numbers without waiting on each other, and one that rolls back puts
 * its number back (the delete is undone), where the next submission takes it first. The counter
 * row stays, as the highest number ever added to the pool: when the pool is empty a submission
 * adds the next block of numbers in its transaction and takes the first of them (the others become
 * free when it commits; until then, a submission that also finds the pool empty waits on the
 * counter row, as every submission did before, once per block instead of once per ticket).
 *
 * So every number from 1 to the counter is, at any moment, a committed ticket's, free in the pool,
 * or held by a submission in flight: gapless as before. What changes is the order: a number given
 * back is reused by a later ticket, and while a block is being added, a later number can commit
 * before lower ones of the same block are taken.
 */
export class TicketNumberPool1765900000000 implements MigrationInterface {
  name = 'TicketNumberPool1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ticket.ticket_number_free (
      year int NOT NULL,
      number int NOT NULL CHECK (number > 0),
      PRIMARY KEY (year, number)
    )`);
    await q.query(`COMMENT ON TABLE ticket.ticket_number_free IS
      'Numbers added to the pool (up to ticket_number_counters.last_number) and not taken by a committed ticket'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to the counter: it continues after the highest number a ticket has, so the free numbers
    // above it are not skipped (free ones below it, given back by failed submissions, stay unused).
    await q.query(`UPDATE ticket.ticket_number_counters c
      SET last_number = COALESCE((SELECT max(split_part(number, '-', 3)::int) FROM ticket.tickets
                                   WHERE split_part(number, '-', 2)::int = c.year), 0)`);
    await q.query(`DROP TABLE ticket.ticket_number_free`);
  }
}
