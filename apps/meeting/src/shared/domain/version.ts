import { DomainError } from '@ticketing/contracts';

/** Optimistic concurrency: a change names the version its author saw; another one is a 409 naming where it stands. */
export function assertSeenVersion(
  what: string,
  current: { version: number; status: string },
  expected: number,
): void {
  if (expected !== current.version) {
    throw new DomainError(
      'versionConflict',
      `the ${what} changed since you saw it (you saw version ${expected}; it is now version ${current.version}, ${current.status}); reload and try again`,
      { currentStatus: current.status, currentVersion: current.version, expectedVersion: expected },
    );
  }
}

/** Trimmed text, or a 400 naming the field when nothing is left. */
export function requiredText(field: string, value: string): string {
  const t = value.trim();
  if (!t)
    throw new DomainError('validation', `${field}: ${field} is required`, {
      errors: [{ field, messages: [`${field} is required`] }],
    });
  return t;
}
