import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DATABASE_URL, TransactionContext } from '@ticketing/database';
import { Client } from 'pg';
import { formatTicketNumber, numberingYear, TicketNumbers } from '../domain/ticket-numbers';

/** Numbers added to the pool at a time when it runs empty. */
export const NUMBER_BLOCK = 100;

/** Top-ups in a row after which a submission gives up (others took every number each time). */
const MAX_TOP_UPS = 5;

/**
 * The year's pool of free numbers (migration 1765900000000): a submission deletes the lowest free
 * number that no other submission in flight holds (`SKIP LOCKED`), so concurrent submissions do
 * not wait on each other, and a rolled-back one puts its number back for the next.
 *
 * When the pool has no number free, the next block after the year's counter is added in a
 * transaction of its own, committed at once on a connection of its own (not the pool's, which the
 * submissions in flight may all hold), and the submission takes from the pool again. So the block
 * is free for every submission as soon as it is added: adding it inside the submission's
 * transaction held the counter row, and every other submission that found the pool empty queued on
 * it until that submission committed, then added a block of its own. One top-up at a time per
 * process; the submissions that found the pool empty meanwhile wait for it. Numbers stay gapless:
 * a block's numbers are free until a ticket takes them, the lowest first, whatever happens to the
 * submission that added it.
 */
@Injectable()
export class TypeormTicketNumbers extends TicketNumbers implements OnModuleDestroy {
  private topUp: Promise<void> | undefined;
  private client: Promise<Client> | undefined;

  constructor(
    private readonly tx: TransactionContext,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {
    super();
  }

  async next(at: Date): Promise<string> {
    const year = numberingYear(at);
    for (let topUps = 0; ; topUps++) {
      // TypeORM answers a DELETE … RETURNING with [rows, affected].
      const [[free]]: [{ number: number }[], number] = await this.tx.writer.query(
        `DELETE FROM ticket.ticket_number_free
          WHERE (year, number) = (SELECT year, number FROM ticket.ticket_number_free WHERE year = $1
                                   ORDER BY number LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING number`,
        [year],
      );
      if (free) return formatTicketNumber(year, free.number);
      if (topUps === MAX_TOP_UPS)
        throw new Error(`no ticket number of ${year} stayed free after ${MAX_TOP_UPS} blocks were added`);
      await this.addBlock(year);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    await c?.then((x) => x.end()).catch(() => undefined);
  }

  private addBlock(year: number): Promise<void> {
    this.topUp ??= this.insertBlock(year).finally(() => (this.topUp = undefined));
    return this.topUp;
  }

  private async insertBlock(year: number): Promise<void> {
    const client = await this.connection();
    await client.query(
      `WITH block AS (
         INSERT INTO ticket.ticket_number_counters (year, last_number) VALUES ($1, $2)
         ON CONFLICT (year) DO UPDATE SET last_number = ticket.ticket_number_counters.last_number + $2
         RETURNING last_number - $2 + 1 AS first, last_number AS last)
       INSERT INTO ticket.ticket_number_free (year, number)
       SELECT $1, n FROM block, generate_series(block.first, block.last) AS n`,
      [year, NUMBER_BLOCK],
    );
  }

  /** The top-ups' connection, opened when first needed and again after it failed. */
  private connection(): Promise<Client> {
    if (!this.client) {
      const c = new Client({ connectionString: this.databaseUrl, application_name: 'ticket-numbers' });
      const p = c.connect().then(() => c);
      const drop = () => {
        if (this.client === p) this.client = undefined;
        c.end().catch(() => undefined);
      };
      c.on('error', drop);
      p.catch(drop);
      this.client = p;
    }
    return this.client;
  }
}
