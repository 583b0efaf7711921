import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Where `npm run build:web` puts the React app: dist/web, beside dist/apps. */
export const webBuildDir = (): string => resolve(__dirname, '../../../web');

const API_PATHS = /^\/(api|health|metrics)(\/|$)/;
/** Vite names every built asset by its content hash: it never changes, so it may be kept forever. */
const HASHED = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The build writes .br and .gz beside each text asset (vite-plugin-compression2); the best one the browser takes wins. */
const ENCODINGS = [
  { token: 'br', suffix: '.br' },
  { token: 'gzip', suffix: '.gz' },
] as const;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the web build on the API's port: static files, and index.html for any other GET that
 * asks for HTML (client-side routes such as /tickets/123). API paths never fall through to it,
 * so an unknown API route still answers 404 problem+json.
 *
 * Hashed assets are cached for a year as immutable; index.html must be revalidated on every load
 * (`no-cache`), so a new build is picked up at once. Text assets go out precompressed (brotli or
 * gzip, chosen by Accept-Encoding, with `Vary: Accept-Encoding`); nothing is compressed per request.
 */
export function serveWebApp(app: NestExpressApplication, log: (msg: string) => void): void {
  const dir = webBuildDir();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    log(`web app not built (${index} missing): run npm run build:web; serving the API only`);
    return;
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !HASHED.test(req.path)) return next();
    const file = inside(dir, req.path);
    const type = file && TYPES[extname(file)];
    if (!file || !type) return next();
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = ENCODINGS.find((e) => acceptsEncoding(accepted, e.token) && isFile(file + e.suffix));
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('Content-Type', type);
    if (!encoding) return res.sendFile(file, { cacheControl: false, lastModified: false });
    res.setHeader('Content-Encoding', encoding.token);
    res.sendFile(file + encoding.suffix, {
      cacheControl: false,
      lastModified: false,
      headers: { 'Content-Type': type },
    });
  });
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: Response, path: string) =>
      res.setHeader('Cache-Control', path.startsWith(join(dir, 'assets') + sep) ? IMMUTABLE : 'no-cache'),
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** The file a URL path names inside the build, or null for anything that would leave it or is not a file. */
function inside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(dir, decoded));
  return file.startsWith(dir + sep) && isFile(file) ? file : null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether an Accept-Encoding header takes `token` (q=0 refuses it; `*` takes anything not named). */
export function acceptsEncoding(header: string, token: string): boolean {
  let star: boolean | null = null;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const ok = q === undefined || Number(q.slice(2)) > 0;
    if (name === token) return ok;
    if (name === '*') star = ok;
  }
  return star ?? false;
}
