import { CORRELATION_HEADER, Correlation, histogram } from '@ticketing/observability';
import { newId } from '@ticketing/contracts';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const requestSeconds = histogram(
  'http_request_seconds',
  'HTTP request duration',
  ['method', 'route', 'status'],
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
);

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Gives each request a correlation id (the caller's, if well-formed), echoes it in the response,
 * runs the request inside it, and logs one line per request with its duration.
 */
export function httpContextMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header(CORRELATION_HEADER);
    const id = given && SAFE_ID.test(given) ? given : newId();
    res.setHeader(CORRELATION_HEADER, id);
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      requestSeconds.observe({ method: req.method, route, status: String(res.statusCode) }, ms / 1000);
      if (req.path === '/health' || req.path === '/metrics') return;
      Correlation.run(id, () =>
        logger.info(
          { method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
          'http',
        ),
      );
    });
    Correlation.run(id, () => next());
  };
}
