import { Injectable } from '@nestjs/common';
import { queryWithNext, TransactionContext, writeWithNext } from '@ticketing/database';
import { IdempotencyKeys, IdempotentAnswer } from '../domain/idempotency-keys';
import { TicketChangedResponseDto } from '../ticket-changed.response.dto';

/**
 * `ticket.idempotency_keys`: the key's row is inserted first, so a concurrent twin blocks on it
 * (sent with the unit of work's next statement, the ticket number's, which is awaited with it);
 * the answer is recorded with the unit of work's next write (the ticket's save), in its statement.
 */
@Injectable()
export class TypeormIdempotencyKeys extends IdempotencyKeys<TicketChangedResponseDto> {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async claim(
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<true | IdempotentAnswer<TicketChangedResponseDto>> {
    const manager = this.tx.writer;
    // The submission takes its number at the same time: the claim leaves with that statement.
    const claimed = await queryWithNext(
      manager,
      `INSERT INTO ticket.idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    if (claimed.length) return true;
    const [prior]: { request_hash: string; response: TicketChangedResponseDto | null }[] =
      await manager.query(
        `SELECT request_hash, response FROM ticket.idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
    return { requestHash: prior?.request_hash ?? '', response: prior?.response ?? null };
  }

  async record(
    userId: string,
    key: string,
    resourceId: string,
    response: TicketChangedResponseDto,
  ): Promise<void> {
    // The key's row was claimed in this transaction: exactly it is answered.
    writeWithNext(
      this.tx.writer,
      [
        `UPDATE ticket.idempotency_keys SET ticket_id = $3, response = $4 WHERE user_id = $1 AND key = $2`,
        [userId, key, resourceId, JSON.stringify(response)],
      ],
      1,
    );
  }
}
