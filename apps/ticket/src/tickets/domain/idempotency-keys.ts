/** What the first request with a key answered, and a fingerprint of that request. */
export interface IdempotentAnswer<R> {
  requestHash: string;
  response: R | null;
}

/**
 * Same key + same user = same answer. `claim` takes the key for this request (true) or, when a
 * request with the key came first, returns what it answered; a concurrent twin waits for the first
 * to commit. `record` stores the answer in the same unit of work as the change it describes (it may
 * be written with that change's save: record before saving).
 */
export abstract class IdempotencyKeys<R> {
  abstract claim(userId: string, key: string, requestHash: string): Promise<true | IdempotentAnswer<R>>;
  abstract record(userId: string, key: string, resourceId: string, response: R): Promise<void>;
}
