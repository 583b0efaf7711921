/** A response as integration tests read it: status, the body parsed when it is JSON (else its text), headers, bytes. */
export interface TestResponse {
  status: number;
  // A test reads into the body freely and lets expect() judge the shape.
  body: ReturnType<typeof JSON.parse>;
  headers: Headers;
  raw: Buffer;
}

export interface TestRequest {
  method: string;
  path: string;
  /** A bearer token, or null to call without one. */
  token: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * A string body goes as it is (malformed JSON on purpose) unless this is false, when every body
   * is serialised as JSON.
   */
  rawStrings?: boolean;
}

/** One HTTP call to a service under test, as the test kits of every service make it. */
export async function callService(baseUrl: string, r: TestRequest): Promise<TestResponse> {
  const { body, rawStrings = true } = r;
  const res = await fetch(baseUrl + r.path, {
    method: r.method,
    headers: {
      ...(r.token ? { authorization: `Bearer ${r.token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...r.headers,
    },
    body:
      body === undefined ? undefined : typeof body === 'string' && rawStrings ? body : JSON.stringify(body),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  let parsed: unknown = raw.toString('utf8');
  try {
    parsed = raw.length ? JSON.parse(raw.toString('utf8')) : null;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed, headers: res.headers, raw };
}
