import { DomainError } from '@ticketing/contracts';
import { QueryFailedError } from 'typeorm';
import { FieldError } from './problem-details.filter';

/**
 * The problems a handler raises, each shaped like the validation pipe's (a 400 lists `errors`
 * by field), so a client reads one format for every bad field, whichever layer found it.
 */
export function fieldProblem(errors: FieldError[], summary?: string): DomainError {
  const detail = errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ');
  return new DomainError('validation', summary ? `${summary}: ${detail}` : detail, { errors });
}

/** One field at fault. */
export const invalidField = (field: string, message: string): DomainError =>
  fieldProblem([{ field, messages: [message] }]);

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('notFound', `${what} ${id} does not exist`);

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

/** Optimistic concurrency: the caller saw `expected`; anything else is a 409 naming the current version. */
export function expectVersion(current: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new DomainError(
      'versionConflict',
      `${what} was changed meanwhile (version ${current}, you saw ${expected}); reload and retry`,
      { currentVersion: current },
    );
  }
}
