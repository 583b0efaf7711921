/**
 * Errors that say "the infrastructure is away", not "this message cannot be applied": the database
 * restarting or refusing connections, a dropped connection, a lock conflict. Retrying such a
 * message later will work, so they never count towards dead-lettering; a message is dead-lettered
 * only for failures of its own.
 */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down)
  '53300', // too_many_connections
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
]);

const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /connection (?:is )?(?:closed|ended)/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /terminating connection/i,
  /the database system is (?:starting up|shutting down|in recovery mode)/i,
  /cannot use a pool after calling end/i,
  // TypeORM releases a transaction's connection when that connection fails (its error listener);
  // the unit of work's next statement then gets this instead of the connection's own error.
  /connection provided by a query runner was already released/i,
];

export function isTransientError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (TRANSIENT_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(e.message as string)))
    return true;
  // TypeORM wraps the driver's error; AggregateError (e.g. happy-eyeballs connects) holds several.
  if (isTransientError(e.driverError, depth + 1) || isTransientError(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((x) => isTransientError(x, depth + 1));
}
