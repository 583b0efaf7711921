import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, problemType, ProblemCodes } from '@ticketing/contracts';
import { isTransientError } from '@ticketing/messaging';
import { Correlation } from '@ticketing/observability';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { databaseInputProblem, INVALID_VALUE } from './database-input.problem';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Thrown by the validation pipe: every field at fault, by name. */
export class ValidationProblem extends HttpException {
  constructor(readonly errors: FieldError[]) {
    super(
      {
        type: problemType('validation'),
        title: 'Validation failed',
        detail: errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
        errors,
      },
      HttpStatus.BAD_REQUEST,
    );
  }
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

const codeFor = (status: number): string =>
  (Object.entries(ProblemCodes).find(([, s]) => s === status)?.[0] as string) ?? `http-${status}`;

/**
 * Every error leaves as RFC 9457 application/problem+json with a stable `type`. Unexpected errors
 * are logged with their stack and answered with a bare 500 naming the correlation id only.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const body = problemOf(exception);
    body.instance = req.originalUrl;
    const correlationId = Correlation.id();
    if (correlationId) body.correlationId = correlationId;
    if (body.status >= 500) this.logger.error({ err: exception, url: req.originalUrl }, 'request failed');
    if (body.type === INVALID_VALUE)
      this.logger.warn(
        { err: exception, url: req.originalUrl },
        'database refused a value a DTO should have',
      );
    if (res.headersSent) return;
    if (body.status === 503) res.setHeader?.('Retry-After', '2');
    res.status(body.status).type('application/problem+json').json(body);
  }
}

/** An RFC 9457 problem body: its status, stable type, title and detail, plus extension members. */
export interface Problem {
  status: number;
  type: string;
  title: string;
  detail?: string;
  [k: string]: unknown;
}

/**
 * The problem an error answers with, as the filter sends it (without instance and correlation id).
 * Also for answers that carry several outcomes, such as a bulk action's per-item results.
 */
export function problemOf(e: unknown): Problem {
  if (e instanceof DomainError) {
    const status = ProblemCodes[e.code];
    // Extension members first: a detail named `status` or `type` must not overwrite the problem's own.
    return {
      ...e.details,
      status,
      type: problemType(e.code),
      title: titles[status] ?? e.code,
      detail: e.message,
    };
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const response = e.getResponse();
    if (typeof response === 'object' && response && 'type' in response) {
      return { status, title: titles[status] ?? 'Error', ...(response as { type: string }) };
    }
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? e.message);
    return {
      status,
      type: problemType(codeFor(status)),
      title: titles[status] ?? 'Error',
      detail: message,
    };
  }
  if (e instanceof SyntaxError && (e as { status?: number }).status === 400) {
    return {
      status: 400,
      type: problemType('badRequest'),
      title: 'Bad request',
      detail: `malformed JSON body: ${e.message}`,
    };
  }
  const status =
    (e as { status?: number; statusCode?: number })?.status ?? (e as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser and multer errors carry a status of their own (413, 415, 400)
    return {
      status,
      type: problemType(codeFor(status)),
      title: titles[status] ?? 'Error',
      detail: (e as Error).message,
    };
  }
  const input = databaseInputProblem(e);
  if (input) return input;
  if (
    e instanceof QueryFailedError &&
    (e as { driverError?: { code?: string } }).driverError?.code === '40001'
  ) {
    return {
      status: 409,
      type: problemType('conflict'),
      title: 'Conflict',
      detail: 'a concurrent change won; retry',
    };
  }
  // The database restarting or out of connections is not the request's fault, and it passes:
  // 503 with Retry-After tells a client (and the web app) to try again shortly.
  if (isTransientError(e)) {
    return {
      status: 503,
      type: problemType('unavailable'),
      title: titles[503] ?? 'Service unavailable',
      detail: 'the service is briefly unavailable (its database is restarting or busy); retry shortly',
    };
  }
  return {
    status: 500,
    type: problemType('internal'),
    title: 'Internal error',
    detail: 'an unexpected error occurred',
  };
}
