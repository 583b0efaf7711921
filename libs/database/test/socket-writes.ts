/**
 * Counts the writes a node-postgres client's socket makes from now on (a corked socket's chunks
 * leave as one): for specs that check how many round trips a transaction costs.
 */
export function countWrites(client: unknown): { writes: number } {
  const socket = (client as { connection: { stream: Record<string, unknown> } }).connection.stream;
  const seen = { writes: 0 };
  for (const method of ['_write', '_writev'] as const) {
    const original = socket[method] as (...args: unknown[]) => unknown;
    socket[method] = function (this: unknown, ...args: unknown[]) {
      seen.writes++;
      return original.apply(this, args);
    };
  }
  return seen;
}
