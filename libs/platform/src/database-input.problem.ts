import { problemType } from '@ticketing/contracts';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/**
 * PostgreSQL data exceptions (SQLSTATE class 22) that only a caller's value can cause: a bad request,
 * not a fault of the service. A backstop only — the field's DTO should have refused the value
 * with its name — so the answer names no SQL, table or column, and the filter logs a warning.
 * The rest of class 22 (division by zero, …) stays a 500: it is a bug, whatever the input.
 */
export const INPUT_SQLSTATES: Readonly<Record<string, string>> = {
  '22001': 'a text is longer than its field can hold',
  '22003': 'a number is out of range for its field',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text holds bytes that are not valid text',
  '22025': 'a search text holds an invalid escape',
  '22P02': 'a value does not have the form its field needs',
  '22P05': 'a text holds a character the database cannot store',
};

export const INVALID_VALUE = problemType('invalidValue');

/** The SQLSTATE of a database error, through TypeORM's wrapper or from the driver directly. */
export function sqlState(e: unknown): string | undefined {
  if (e instanceof QueryFailedError) return (e.driverError as { code?: string } | undefined)?.code;
  if (e instanceof DatabaseError) return e.code;
  return undefined;
}

export function databaseInputProblem(
  e: unknown,
): { status: 400; type: string; title: string; detail: string } | undefined {
  const code = sqlState(e);
  const reason = code ? INPUT_SQLSTATES[code] : undefined;
  if (!reason) return undefined;
  return {
    status: 400,
    type: INVALID_VALUE,
    title: 'Bad request',
    detail: `the request holds a value that cannot be stored: ${reason}`,
  };
}
