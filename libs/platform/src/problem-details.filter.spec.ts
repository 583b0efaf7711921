import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { DomainError } from '@ticketing/contracts';
import type { Logger } from 'pino';
import { ProblemDetailsFilter, ValidationProblem } from './problem-details.filter';

function respond(exception: unknown): {
  status: number;
  type: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const out = {
    status: 0,
    type: '',
    body: {} as Record<string, unknown>,
    headers: {} as Record<string, string>,
  };
  const res = {
    headersSent: false,
    setHeader(k: string, v: string) {
      out.headers[k] = v;
    },
    status(s: number) {
      out.status = s;
      return this;
    },
    type(t: string) {
      out.type = t;
      return this;
    },
    json(b: Record<string, unknown>) {
      out.body = b;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ originalUrl: '/api/v1/x' }) }),
  } as unknown as ArgumentsHost;
  const logger = { error: () => undefined } as unknown as Logger;
  new ProblemDetailsFilter(logger).catch(exception, host);
  return out;
}

describe('ProblemDetailsFilter', () => {
  it('maps a domain error to its status, with its details as extension members', () => {
    const r = respond(
      new DomainError('illegalTransition', 'cannot resolve a closed ticket', { currentStatus: 'closed' }),
    );
    expect(r.status).toBe(409);
    expect(r.type).toBe('application/problem+json');
    expect(r.body).toMatchObject({
      status: 409,
      type: 'urn:chuishao:problem:illegalTransition',
      detail: 'cannot resolve a closed ticket',
      currentStatus: 'closed',
      instance: '/api/v1/x',
    });
  });

  it('never lets a detail overwrite the problem’s own members', () => {
    const r = respond(new DomainError('conflict', 'already failed', { status: 'failed', type: 'x' }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ status: 409, type: 'urn:chuishao:problem:conflict' });
  });

  it('names every field of a validation problem', () => {
    const r = respond(new ValidationProblem([{ field: 'title', messages: ['title is required'] }]));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      errors: [{ field: 'title', messages: ['title is required'] }],
      detail: 'title: title is required',
    });
  });

  it('answers an unexpected error with a bare 500 that leaks nothing', () => {
    const r = respond(new Error('connection string postgres://u:secret@db/x failed'));
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain('secret');
  });

  it('keeps the status of Nest HTTP exceptions', () => {
    expect(respond(new BadRequestException('bad cursor')).body).toMatchObject({
      status: 400,
      detail: 'bad cursor',
    });
  });

  it('answers a database outage with 503 and Retry-After, not 500', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const r = respond(refused);
    expect([r.status, r.body.type, r.headers['Retry-After']]).toEqual([
      503,
      'urn:chuishao:problem:unavailable',
      '2',
    ]);
    expect(respond(new Error('a bug')).status).toBe(500);
  });
});
