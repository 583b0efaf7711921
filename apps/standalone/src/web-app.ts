import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` puts the React app: dist/web, beside dist/apps. */
export const webBuildDir = (): string => resolve(__dirname, '../../../web');

const API_PATHS = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the web build on the API's port: static files, and index.html for any other GET that
 * asks for HTML (client-side routes such as /tickets/123). API paths never fall through to it,
 * so an unknown API route still answers 404 problem+json.
 */
export function serveWebApp(app: NestExpressApplication, log: (msg: string) => void): void {
  const dir = webBuildDir();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    log(`web app not built (${index} missing): run npm run build:web; serving the API only`);
    return;
  }
  app.useStaticAssets(dir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
