import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';

export const SEEDING_KEY_HEADER = 'x-demo-seeding-key';

/**
 * While the demo quarter is replayed the whole process lives in the past (Clock.travel): anyone
 * else's request would be stamped months ago. So the API answers 503 with Retry-After to everyone
 * but the seeder (who shows a key only this process knows) until it is done; the web app's files
 * and /health still answer.
 */
export class SeedingGate {
  readonly key = randomBytes(24).toString('base64url');
  private closed = false;

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.closed = false;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (!this.closed || !req.path.startsWith('/api/v1/') || req.get(SEEDING_KEY_HEADER) === this.key) {
        return next();
      }
      res
        .status(503)
        .setHeader('Retry-After', '10')
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'urn:chuishao:problem:seedingDemo',
            title: '正在生成演示数据',
            status: 503,
            detail: '首次启动正在生成一个季度的演示数据，请稍候片刻再试。',
          }),
        );
    };
  }
}
