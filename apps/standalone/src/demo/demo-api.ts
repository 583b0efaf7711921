import { AuthUser, TokenService } from '@ticketing/auth';

/** A refusal of the API: its status and problem+json body. */
export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { type?: string; title?: string; detail?: string },
    readonly request: string,
  ) {
    super(`${request} answered ${status}: ${problem.detail ?? problem.title ?? 'no detail'}`);
    this.name = 'DemoApiError';
  }

  /** The problem type's last word (`versionConflict`, `illegalTransition`, `possibleDuplicate` …). */
  get kind(): string {
    return (this.problem.type ?? '').split(':').pop() ?? '';
  }
}

/**
 * The services' own HTTP API, called as the demo's people: each call carries an access token
 * signed for that user (as a login would issue it) and the seeding gate's key. Nothing is written
 * any other way than a user of the product could.
 */
export class DemoApi {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenService,
    private readonly headers: Record<string, string>,
  ) {}

  async call<T>(
    as: AuthUser | { token: string } | null,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const token = as === null ? null : 'token' in as ? as.token : this.tokens.sign(as).token;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...this.headers,
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok)
      throw new DemoApiError(res.status, (parsed ?? {}) as DemoApiError['problem'], `${method} ${path}`);
    return parsed as T;
  }

  get<T>(as: AuthUser | { token: string }, path: string): Promise<T> {
    return this.call<T>(as, 'GET', path);
  }

  post<T>(
    as: AuthUser | { token: string } | null,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ) {
    return this.call<T>(as, 'POST', path, body, headers);
  }

  /** Every item of a keyset-paged list (`{ items, nextCursor }`). */
  async all<T>(as: AuthUser | { token: string }, path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page: { items: T[]; nextCursor: string | null } = await this.get(
        as,
        `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
