import { conflictOnUnique } from '@ticketing/platform';

/**
 * Two applications racing past the handler's checks meet a unique index on the pending rows (or on
 * the enterprise's credit code / the user's name at approval): still a 409 naming the field.
 */
export function onPendingConflict(e: unknown, asked: { creditCode: string; username: string }): unknown {
  const constraint = (e as { driverError?: { constraint?: string } } | null)?.driverError?.constraint;
  if (constraint?.includes('username'))
    return conflictOnUnique(e, `the username ${asked.username} is taken`, 'username');
  return conflictOnUnique(
    e,
    `the credit code ${asked.creditCode} is already registered or applied for`,
    'creditCode',
  );
}
