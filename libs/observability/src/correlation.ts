import { AsyncLocalStorage } from 'node:async_hooks';

interface CorrelationStore {
  correlationId: string;
  /** The event being handled, when the work was caused by one. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/**
 * Carries the correlation id through an HTTP request or an event's handling, so every log line
 * and every event written on the way names the same id without passing it by hand.
 */
export const Correlation = {
  run<T>(correlationId: string, fn: () => T, causationId?: string): T {
    return storage.run({ correlationId, causationId }, fn);
  },
  id(): string | undefined {
    return storage.getStore()?.correlationId;
  },
  causationId(): string | undefined {
    return storage.getStore()?.causationId;
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
