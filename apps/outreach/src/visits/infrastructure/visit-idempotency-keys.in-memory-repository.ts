import { IdempotentAnswer, VisitIdempotencyKeys } from '../domain/visit-idempotency-keys';

/** Idempotency keys in memory, for handler specs. */
export class InMemoryVisitIdempotencyKeys<R> extends VisitIdempotencyKeys<R> {
  readonly keys = new Map<string, IdempotentAnswer<R>>();

  async claim(userId: string, key: string, requestHash: string): Promise<true | IdempotentAnswer<R>> {
    const held = this.keys.get(`${userId}\u0000${key}`);
    if (held) return held;
    this.keys.set(`${userId}\u0000${key}`, { requestHash, response: null });
    return true;
  }

  async record(userId: string, key: string, _visitId: string, response: R): Promise<void> {
    this.keys.get(`${userId}\u0000${key}`)!.response = response;
  }
}
