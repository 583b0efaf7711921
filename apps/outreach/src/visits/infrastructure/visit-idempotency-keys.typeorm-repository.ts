import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { IdempotentAnswer, VisitIdempotencyKeys } from '../domain/visit-idempotency-keys';
import { VisitRecordedResponseDto } from '../visit-recorded.response.dto';

/** `outreach.visit_idempotency_keys`: the key's row is inserted first, so a concurrent twin blocks on it. */
@Injectable()
export class TypeormVisitIdempotencyKeys extends VisitIdempotencyKeys<VisitRecordedResponseDto> {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async claim(
    userId: string,
    key: string,
    requestHash: string,
  ): Promise<true | IdempotentAnswer<VisitRecordedResponseDto>> {
    const manager = this.tx.writer;
    const claimed: unknown[] = await manager.query(
      `INSERT INTO outreach.visit_idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
    if (claimed.length) return true;
    const [prior]: { request_hash: string; response: VisitRecordedResponseDto | null }[] =
      await manager.query(
        `SELECT request_hash, response FROM outreach.visit_idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
    return { requestHash: prior?.request_hash ?? '', response: prior?.response ?? null };
  }

  async record(
    userId: string,
    key: string,
    visitId: string,
    response: VisitRecordedResponseDto,
  ): Promise<void> {
    await this.tx.writer.query(
      `UPDATE outreach.visit_idempotency_keys SET visit_id = $3, response = $4 WHERE user_id = $1 AND key = $2`,
      [userId, key, visitId, JSON.stringify(response)],
    );
  }
}
