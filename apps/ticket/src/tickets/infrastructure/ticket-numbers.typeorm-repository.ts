import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { formatTicketNumber, numberingYear, TicketNumbers } from '../domain/ticket-numbers';

/** Numbers added to the pool at a time when it runs empty. */
export const NUMBER_BLOCK = 100;

/**
 * The year's pool of free numbers (migration 1765900000000): a submission deletes the lowest free
 * number that no other submission in flight holds (`SKIP LOCKED`), so concurrent submissions do
 * not wait on each other, and a rolled-back one puts its number back for the next. When the pool
 * is empty, the submission adds the next block after the year's counter and takes its first
 * number; the rest become free for others when it commits.
 */
@Injectable()
export class TypeormTicketNumbers extends TicketNumbers {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async next(at: Date): Promise<string> {
    const year = numberingYear(at);
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [[free]]: [{ number: number }[], number] = await this.tx.writer.query(
      `DELETE FROM ticket.ticket_number_free
        WHERE (year, number) = (SELECT year, number FROM ticket.ticket_number_free WHERE year = $1
                                 ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING number`,
      [year],
    );
    if (free) return formatTicketNumber(year, free.number);
    const [added]: { first: number }[] = await this.tx.writer.query(
      `WITH block AS (
         INSERT INTO ticket.ticket_number_counters (year, last_number) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_number = ticket.ticket_number_counters.last_number + $2
         RETURNING last_number - $2 + 1 AS first, last_number AS last),
       pooled AS (
         INSERT INTO ticket.ticket_number_free (year, number)
         SELECT $1, n FROM block, generate_series(block.first + 1, block.last) AS n)
       SELECT first FROM block`,
      [year, NUMBER_BLOCK],
    );
    return formatTicketNumber(year, added.first);
  }
}
