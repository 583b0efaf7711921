import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent: percent-escapes are not normalised. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  json?: Record<string, unknown>;
  /** The connection ended without an answer (reset, or no answer within the time allowed). */
  failed?: string;
}

/**
 * One request with nothing added: no default content type, no URL normalisation, the body as given.
 * An event stream is answered by its headers; the stream itself is not read.
 */
export function send(base: string, req: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  const url = new URL(base);
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve) => {
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.target, headers },
      (res) => {
        const contentType = String(res.headers['content-type'] ?? '');
        if (contentType.startsWith('text/event-stream')) {
          res.destroy();
          r.destroy();
          return resolve({ status: res.statusCode ?? 0, contentType, text: '' });
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> | undefined;
          try {
            const parsed: unknown = JSON.parse(text);
            if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType, text, json });
        });
        res.on('error', (e) => resolve({ status: 0, contentType, text: '', failed: e.message }));
      },
    );
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    r.on('error', (e) => resolve({ status: 0, contentType: '', text: '', failed: e.message }));
    r.end(body);
  });
}
