import { EntityManager } from 'typeorm';

/**
 * CS-<year>-<6 digits>: the year is the submission's year in Beijing time; the counter comes from
 * one sequence for the whole service, so numbers never repeat (they do not restart each year, and
 * gaps from rolled-back submissions are expected).
 */
export async function nextTicketNumber(manager: EntityManager, at: Date): Promise<string> {
  const [{ n }]: { n: string }[] = await manager.query(`SELECT nextval('ticket.ticket_number_seq') AS n`);
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at);
  return `CS-${year}-${n.padStart(6, '0')}`;
}
