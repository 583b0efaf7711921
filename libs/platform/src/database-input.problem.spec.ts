import { ArgumentsHost } from '@nestjs/common';
import { DatabaseError } from 'pg';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { databaseInputProblem, sqlState } from './database-input.problem';
import { ProblemDetailsFilter } from './problem-details.filter';

const SQL = 'UPDATE "notify"."subscriptions" SET "secret_column" = $1 WHERE "version" = $2';

function queryFailed(code: string, message: string): QueryFailedError {
  return new QueryFailedError(SQL, ['s3cr3t', 2147483648], Object.assign(new Error(message), { code }));
}

function respond(exception: unknown) {
  const out = { status: 0, body: {} as Record<string, unknown>, warned: [] as string[], errors: 0 };
  const res = {
    headersSent: false,
    setHeader: () => undefined,
    status(s: number) {
      out.status = s;
      return this;
    },
    type() {
      return this;
    },
    json(b: Record<string, unknown>) {
      out.body = b;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ originalUrl: '/api/v1/x' }) }),
  } as unknown as ArgumentsHost;
  const logger = {
    error: () => out.errors++,
    warn: (_: unknown, msg: string) => out.warned.push(msg),
  } as unknown as Logger;
  new ProblemDetailsFilter(logger).catch(exception, host);
  return out;
}

describe('database data exceptions caused by input', () => {
  it.each([
    ['22003', 'value "2147483648" is out of range for type integer', /number is out of range/],
    ['22P02', 'invalid input syntax for type bigint: "1e+308"', /does not have the form/],
    ['22001', 'value too long for type character varying(100)', /longer than its field/],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00', /not valid text/],
    ['22007', 'invalid input syntax for type timestamp with time zone: "x"', /date or time is not valid/],
    ['22008', 'date/time field value out of range: "2026-02-30"', /date or time is out of range/],
  ])('answers SQLSTATE %s with 400 invalidValue, naming no SQL', (code, message, detail) => {
    const r = respond(queryFailed(code, message));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      status: 400,
      type: 'urn:chuishao:problem:invalidValue',
      detail: expect.stringMatching(detail),
    });
    const text = JSON.stringify(r.body);
    for (const leak of ['UPDATE', 'subscriptions', 'secret_column', 's3cr3t', '2147483648', message])
      expect(text).not.toContain(leak);
    // logged as a warning (a DTO bound is missing), not as a failed request
    expect([r.warned.length, r.errors]).toEqual([1, 0]);
  });

  it('reads the SQLSTATE from the driver error too', () => {
    const e = Object.assign(new DatabaseError('numeric field overflow', 0, 'error'), { code: '22003' });
    expect(sqlState(e)).toBe('22003');
    expect(databaseInputProblem(e)?.status).toBe(400);
  });

  it.each([
    ['22012', 'division by zero: a bug whatever the input'],
    ['23502', 'null value in column "name" violates not-null constraint'],
    ['42P01', 'relation "x" does not exist'],
  ])('keeps SQLSTATE %s a 500 that leaks nothing', (code, message) => {
    expect(databaseInputProblem(queryFailed(code, message))).toBeUndefined();
    const r = respond(queryFailed(code, message));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain(message);
  });

  it('ignores errors that are not from the database', () => {
    expect(databaseInputProblem(Object.assign(new Error('x'), { code: '22003' }))).toBeUndefined();
  });
});
