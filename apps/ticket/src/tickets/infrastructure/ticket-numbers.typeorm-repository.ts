import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { formatTicketNumber, numberingYear, TicketNumbers } from '../domain/ticket-numbers';

/**
 * One counter row per year, bumped in the submitting transaction: the row lock serialises
 * submissions only from this statement to their commit (the handler takes the number last), and a
 * rolled-back submission leaves the counter where it was.
 */
@Injectable()
export class TypeormTicketNumbers extends TicketNumbers {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async next(at: Date): Promise<string> {
    const year = numberingYear(at);
    const [row]: { last_number: number }[] = await this.tx.writer.query(
      `INSERT INTO ticket.ticket_number_counters (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = ticket.ticket_number_counters.last_number + 1
       RETURNING last_number`,
      [year],
    );
    return formatTicketNumber(year, row.last_number);
  }
}
