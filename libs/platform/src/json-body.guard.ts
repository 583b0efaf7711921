import type { NextFunction, Request, Response } from 'express';
import { ValidationProblem } from './problem-details.filter';

const MAX_DEPTH = 32;

/** Depth of a parsed JSON value, without recursion (a hostile body must not exhaust the stack). */
export function jsonDepth(value: unknown, limit = MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Every JSON body this API accepts is an object of modest depth. Anything else is refused here,
 * before validation walks it: a top-level array, or nesting deeper than 32 levels, is a 400.
 */
export function jsonBodyGuard() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.is('application/json') || req.body === undefined) return next();
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return next(
        new ValidationProblem([{ field: 'body', messages: ['the request body must be a JSON object'] }]),
      );
    }
    if (jsonDepth(body) > MAX_DEPTH) {
      return next(
        new ValidationProblem([
          { field: 'body', messages: [`the request body is nested deeper than ${MAX_DEPTH} levels`] },
        ]),
      );
    }
    next();
  };
}
