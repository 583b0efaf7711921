/** What the first request with a key answered, and a fingerprint of that request. */
export interface IdempotentAnswer<R> {
  requestHash: string;
  response: R | null;
}

/**
 * Same key + same user = same visit: a phone that lost the answer and sends again gets the first
 * answer. `claim` takes the key (true) or returns what the first request answered; a concurrent
 * twin waits for the first to commit. `record` stores the answer in the same unit of work.
 */
export abstract class VisitIdempotencyKeys<R> {
  abstract claim(userId: string, key: string, requestHash: string): Promise<true | IdempotentAnswer<R>>;
  abstract record(userId: string, key: string, visitId: string, response: R): Promise<void>;
}
