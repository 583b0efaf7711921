import { Agent, request } from 'node:http';

/**
 * A small HTTP/1.1 client on node:http with a keep-alive agent: the load generator opens
 * thousands of requests a second, and fetch's per-call overhead would cost the generator more CPU
 * than the servers it measures (both share this 2-core machine).
 */
export interface Reply {
  status: number; // 0: the connection failed (refused, reset, timed out)
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 256, timeout: 30000 });

export function call(
  url: string,
  method: string,
  path: string,
  opts: {
    token?: string;
    body?: unknown;
    raw?: string | Buffer;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Reply> {
  return new Promise((resolve) => {
    const u = new URL(path, url);
    const payload = opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined);
    const headers: Record<string, string | number> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (payload !== undefined) {
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    let done = false;
    const finish = (r: Reply) => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    const req = request(
      { agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => finish({ status: 0, body: null, error: e.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON: keep the text */
          }
          finish({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.setTimeout(opts.timeoutMs ?? 30000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => finish({ status: 0, body: null, error: e.message }));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
