import { Session, sessionStore } from '../auth/session-store';
import type { FieldError } from './types';

/** An RFC 9457 problem answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors: FieldError[],
    readonly problem: Record<string, unknown>,
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.type.startsWith('urn:chuishao:problem:')
      ? this.type.slice('urn:chuishao:problem:'.length)
      : this.type;
  }
}

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** Answer with the raw Response (downloads). */
  raw?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    qs.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    /* not JSON: a proxy or a crash page; the status says enough */
  }
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  return new ApiError(
    res.status,
    typeof body.type === 'string' ? body.type : `http-${res.status}`,
    typeof body.title === 'string' ? body.title : res.statusText,
    typeof body.detail === 'string' ? body.detail : '',
    errors,
    body,
  );
}

let refreshing: Promise<Session | null> | null = null;

/** One refresh at a time: refresh tokens are single use, so two parallel refreshes would log the user out. */
function refreshSession(): Promise<Session | null> {
  const current = sessionStore.get();
  if (!current) return Promise.resolve(null);
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/v1/identity/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (!res.ok) {
        sessionStore.set(null);
        return null;
      }
      const s = (await res.json()) as Session;
      const next: Session = {
        accessToken: s.accessToken,
        refreshToken: s.refreshToken,
        user: s.user ?? current.user,
      };
      sessionStore.set(next);
      return next;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * The URL that opens an event stream: EventSource cannot send the bearer token, and a token in a
 * URL would land in proxy logs, so it gets a one-use ticket for that stream, valid for 30 seconds
 * (asked for with the bearer token, refreshed on a 401 like any call). Null without a session.
 */
export async function streamUrl(path: string): Promise<string | null> {
  if (!sessionStore.get()) return null;
  try {
    const { ticket } = await api<{ ticket: string }>('/api/v1/identity/stream-tickets', {
      method: 'POST',
      body: { stream: path },
    });
    return `${path}?ticket=${encodeURIComponent(ticket)}`;
  } catch {
    return null;
  }
}

/**
 * Requests sent with a session's token, still on their way. When the session ends (logout, or
 * another tab logging out) they are abandoned: their answers belong to a user who has left, and
 * once the server has revoked the session they would come back as 401s for nobody.
 */
const inFlight = new Set<AbortController>();
sessionStore.subscribe(() => {
  if (sessionStore.get()) return;
  for (const c of inFlight) c.abort();
  inFlight.clear();
});

/** A signal that aborts when the caller's does or when the session the request was sent with ends. */
function sessionSignal(caller: AbortSignal | undefined): { signal: AbortSignal; done: () => void } {
  const own = new AbortController();
  const follow = () => own.abort();
  if (caller?.aborted) own.abort();
  caller?.addEventListener('abort', follow);
  inFlight.add(own);
  return {
    signal: own.signal,
    done: () => {
      inFlight.delete(own);
      caller?.removeEventListener('abort', follow);
    },
  };
}

async function send(path: string, opts: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...opts.headers,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const session = token ? sessionSignal(opts.signal) : null;
  try {
    return await fetch(withQuery(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: session?.signal ?? opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Network error', (e as Error).message, [], {});
  } finally {
    session?.done();
  }
}

export async function apiResponse(path: string, opts: RequestOptions = {}): Promise<Response> {
  let res = await send(path, opts, sessionStore.get()?.accessToken);
  if (res.status === 401 && sessionStore.get() && !path.includes('/identity/auth/')) {
    const s = await refreshSession();
    if (s) res = await send(path, opts, s.accessToken);
  }
  if (!res.ok) throw await toError(res);
  return res;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await apiResponse(path, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** A per-attempt key so a retried submit (double click, flaky network) creates one ticket. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
