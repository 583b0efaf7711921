import { DomainError } from '@ticketing/contracts';
import { QueryFailedError } from 'typeorm';

/** A 400 shaped like the validation pipe's, so clients read one format for every bad field. */
export function fieldProblem(errors: { field: string; messages: string[] }[]): DomainError {
  return new DomainError('validation', errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '), { errors });
}

export const notFound = (what: string, id: string) => new DomainError('notFound', `${what} ${id} does not exist`);

/**
 * A 409 for a value that must be unique and is taken, naming the field (like a 400's errors), so a
 * form can show it under the control that holds the value.
 */
export function takenValue(field: string, message: string): DomainError {
  return new DomainError('conflict', message, { errors: [{ field, messages: [message] }] });
}

/** A unique index lost a race that the handler's own check had passed: still a 409, never a 500. */
export function conflictOnUnique(e: unknown, message: string, field?: string): unknown {
  const code = (e as QueryFailedError & { driverError?: { code?: string } })?.driverError?.code;
  if (!(e instanceof QueryFailedError && code === '23505')) return e;
  return field ? takenValue(field, message) : new DomainError('conflict', message);
}

export function expectVersion(current: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new DomainError('versionConflict', `${what} was changed meanwhile (version ${current}, you saw ${expected}); reload and retry`, {
      currentVersion: current,
    });
  }
}
