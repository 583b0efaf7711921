/**
 * `/api/docs` is the contract the web app and integrators build on: every HTTP route of every
 * service must be in it, with its tag, its success response and its error responses, every object
 * with its shape, and what the guards do on every route (a password still to change, rate limits).
 */
import { RequestMethod, Type } from '@nestjs/common';
import {
  GUARDS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  ROUTE_ARGS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { TokenService } from '@ticketing/auth';
import { EventPayloadClasses, problemType, Roles } from '@ticketing/contracts';
import { RunningService, startService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { STANDALONE_MODULES } from '../apps/standalone/src/standalone.modules';
import { seededUsers } from './api/support/callers';

interface Schema {
  type?: string;
  format?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  required?: string[];
  nullable?: boolean;
}
interface Response {
  description?: string;
  headers?: Record<string, { schema?: Schema; description?: string }>;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  tags?: string[];
  security?: unknown[];
  responses: Record<string, Response>;
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  'x-allows-pending-password-change'?: boolean;
}
interface Document {
  info: { description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A route handler as Nest declares it: its path in the document's spelling, its guards, its arguments. */
interface DeclaredRoute {
  key: string;
  guards: string[];
  headers: string[];
}

const SECRET = 'o'.repeat(40);
const LOGIN_LIMIT = 3;

const trim = (p: unknown): string => String(p ?? '').replace(/^\/+|\/+$/g, '');

/** Every controller method of the running app, read from the metadata Nest routes by. */
function declaredRoutes(running: RunningService): DeclaredRoute[] {
  const out: DeclaredRoute[] = [];
  for (const module of running.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const own = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (own === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number].toLowerCase();
        const guards = [
          ...((Reflect.getMetadata(GUARDS_METADATA, controller) as Type<unknown>[]) ?? []),
          ...((Reflect.getMetadata(GUARDS_METADATA, fn) as Type<unknown>[]) ?? []),
        ].map((g) => g.name);
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { data?: unknown }
        >;
        const headers = Object.entries(args)
          .filter(([k]) => Number(k.split(':')[0]) === RouteParamtypes.HEADERS)
          .map(([, a]) => String(a.data).toLowerCase());
        for (const b of base)
          for (const p of [own].flat()) {
            const path = `/${[trim(b), trim(p)].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
            out.push({ key: `${method.toUpperCase()} ${path}`, guards, headers });
          }
      }
    }
  }
  return out;
}

/** Where `value` breaks `schema`: a small OpenAPI 3.0 schema check, strict about undocumented members. */
function mismatches(
  doc: Document,
  schema: Schema | undefined,
  value: unknown,
  at: string,
  out: string[],
): void {
  if (!schema || out.length > 50) return;
  const s = flatten(doc, schema);
  if (s.oneOf || s.anyOf) {
    const fits = (s.oneOf ?? s.anyOf)!.some((alt) => {
      const tried: string[] = [];
      mismatches(doc, alt, value, at, tried);
      return !tried.length;
    });
    if (!fits) out.push(`${at}: fits none of its alternatives`);
    return;
  }
  if (value === null) {
    if (!s.nullable) out.push(`${at}: null, not documented as nullable`);
    return;
  }
  const type = s.type ?? (s.properties ? 'object' : undefined);
  const actual = Array.isArray(value) ? 'array' : typeof value;
  const ok =
    type === undefined ||
    (type === 'integer'
      ? Number.isInteger(value)
      : type === actual || (type === 'number' && actual === 'number'));
  if (!ok) return void out.push(`${at}: ${JSON.stringify(value)?.slice(0, 40)} is not ${type}`);
  if (s.enum && !s.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in its enum`);
  if (s.format === 'date-time' && typeof value === 'string' && Number.isNaN(Date.parse(value)))
    out.push(`${at}: ${value} is not a date-time`);
  if (actual === 'array')
    (value as unknown[]).slice(0, 20).forEach((v, i) => mismatches(doc, s.items, v, `${at}[${i}]`, out));
  if (actual === 'object' && type === 'object') {
    const o = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in o)) out.push(`${at}.${r}: required, missing`);
    for (const [k, v] of Object.entries(o)) {
      if (s.properties?.[k]) mismatches(doc, s.properties[k], v, `${at}.${k}`, out);
      else if (typeof s.additionalProperties === 'object')
        mismatches(doc, s.additionalProperties, v, `${at}.${k}`, out);
      else if (!s.additionalProperties) out.push(`${at}.${k}: not documented`);
    }
  }
}

/** A schema with its $ref followed and its allOf parts merged into one. */
function flatten(doc: Document, schema: Schema): Schema {
  const s = schema.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  if (!s.allOf) return s;
  const parts = s.allOf.map((p) => flatten(doc, p));
  const { allOf: _, ...own } = s;
  return parts.reduce<Schema>(
    (acc, p) => ({
      ...p,
      ...acc,
      type: acc.type ?? p.type,
      nullable: acc.nullable || p.nullable,
      properties: { ...p.properties, ...acc.properties },
      required: [...(acc.required ?? []), ...(p.required ?? [])],
      additionalProperties: acc.additionalProperties ?? p.additionalProperties,
    }),
    own,
  );
}

describe('OpenAPI document of the whole system', () => {
  let running: RunningService;
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = mkdtempSync('/var/tmp/chuishao-openapi-');
  let doc: Document;
  let routes: { method: string; path: string }[];
  let declared: DeclaredRoute[];
  const previousLimit = process.env.LOGIN_RATE_LIMIT;

  const each = (): [string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation],
      ),
    );
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s;

  beforeAll(async () => {
    execFileSync('chmod', ['755', dataDir]);
    db = await createTestDatabase('openapi');
    // Composed into the standalone, identity reads its own settings from the process environment.
    process.env.LOGIN_RATE_LIMIT = String(LOGIN_LIMIT);
    running = await startService({
      service: 'standalone',
      modules: STANDALONE_MODULES,
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
    });
    doc = (await (await fetch(`${running.url}/api/docs-json`)).json()) as Document;
    // The routes Express actually serves, from Nest's own router.
    const router = running.app.getHttpAdapter().getInstance().router as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    };
    routes = router.stack
      .filter((l) => l.route && l.route.path.startsWith('/api/v1/'))
      .flatMap((l) =>
        Object.keys(l.route!.methods).map((m) => ({
          method: m,
          path: l.route!.path.replace(/:(\w+)/g, '{$1}'),
        })),
      );
    declared = declaredRoutes(running).filter((r) => r.key.includes(' /api/v1/'));
  });
  afterAll(async () => {
    if (previousLimit === undefined) delete process.env.LOGIN_RATE_LIMIT;
    else process.env.LOGIN_RATE_LIMIT = previousLimit;
    await running?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every route the services serve', () => {
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes
      .filter((r) => !doc.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);
    // The controllers' own declarations name the same routes (what the checks below rely on).
    expect(declared.length).toBe(routes.length);
    expect(declared.filter((r) => !each().some(([name]) => name === r.key)).map((r) => r.key)).toEqual([]);
  });

  it('gives every operation a tag, a success response, and its error responses', () => {
    const problems: string[] = [];
    for (const [name, op] of each()) {
      const codes = Object.keys(op.responses ?? {});
      if (!op.tags?.length) problems.push(`${name}: no tag`);
      if (!codes.some((c) => c.startsWith('2') || c.startsWith('3')))
        problems.push(`${name}: no success response`);
      const isPublic = !op.security?.length;
      if (!isPublic && !(codes.includes('401') && codes.includes('403')))
        problems.push(`${name}: 401/403 not documented`);
      // A stream's ticket (EventSource) is answered by 401, already required above.
      const takesInput =
        !!op.requestBody ||
        (op.parameters ?? []).some((p) => (p.in === 'query' || p.in === 'path') && p.name !== 'ticket');
      if (takesInput && !codes.some((c) => c === '400' || c === '404' || c === '422'))
        problems.push(`${name}: no 4xx for bad input`);
    }
    expect(problems).toEqual([]);
  });

  it('describes every response, and the body of every answer that has one', () => {
    const problems: string[] = [];
    for (const [name, op] of each()) {
      for (const [code, r] of Object.entries(op.responses)) {
        if (!r.description?.trim()) problems.push(`${name} ${code}: no description`);
        if (code === '204' || code.startsWith('3')) continue;
        if (!r.content) problems.push(`${name} ${code}: no body described`);
        for (const [type, media] of Object.entries(r.content ?? {}))
          if (!media.schema) problems.push(`${name} ${code} ${type}: no schema`);
      }
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        if (!media.schema) problems.push(`${name} request ${type}: no schema`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every object its shape: no bare `type: object`, no array without items', () => {
    const offenders: string[] = [];
    const walk = (s: Schema | undefined, where: string): void => {
      if (!s || typeof s !== 'object') return;
      if (
        s.type === 'object' &&
        !s.properties &&
        !s.additionalProperties &&
        !s.$ref &&
        !s.oneOf &&
        !s.anyOf &&
        !s.allOf
      )
        offenders.push(where);
      if (s.type === 'array' && !s.items) offenders.push(`${where} (array without items)`);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`);
      if (s.items) walk(s.items, `${where}[]`);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`);
      for (const k of ['oneOf', 'anyOf', 'allOf'] as const)
        (s[k] ?? []).forEach((x, i) => walk(x, `${where}.${k}[${i}]`));
    };
    for (const [name, s] of Object.entries(doc.components.schemas)) walk(s, name);
    for (const [name, op] of each()) {
      for (const p of op.parameters ?? []) walk(p.schema, `${name} ${p.in} ${p.name}`);
      for (const [type, m] of Object.entries(op.requestBody?.content ?? {}))
        walk(m.schema, `${name} request ${type}`);
      for (const [code, r] of Object.entries(op.responses))
        for (const [type, m] of Object.entries(r.content ?? {})) walk(m.schema, `${name} ${code} ${type}`);
    }
    expect(offenders).toEqual([]);
  });

  it('gives every error response the problem details body', () => {
    const problems: string[] = [];
    for (const [name, op] of each())
      for (const [code, r] of Object.entries(op.responses)) {
        if (Number(code) < 400) continue;
        const schema = r.content?.['application/problem+json']?.schema;
        const refs = [schema?.$ref, ...(schema?.allOf ?? []).map((s) => s.$ref)];
        if (!refs.includes('#/components/schemas/ProblemDetails'))
          problems.push(`${name} ${code}: no ProblemDetails`);
      }
    expect(problems).toEqual([]);
    expect(doc.components.schemas.ProblemDetails.required).toEqual(['type', 'title', 'status']);
  });

  it('has a body check that refuses what a schema does not allow (the check itself)', () => {
    const out: string[] = [];
    const seal = { $ref: '#/components/schemas/SealResponseDto' };
    mismatches(doc, seal, { sealNo: 'one', reason: 'weekly', sealedOn: null, extra: 1 }, 'seal', out);
    expect(out).toEqual(
      expect.arrayContaining([
        'seal.sealNo: "one" is not number',
        'seal.reason: "weekly" not in its enum',
        'seal.sealedOn: null, not documented as nullable',
        'seal.extra: not documented',
        'seal.lastHash: required, missing',
      ]),
    );
  });

  it('describes what the reads answer: every GET it can call answers a body its schema allows', async () => {
    // The seeded demo directory (one user per role) and the defaults (SLA policies, calendars) give
    // the reads something to answer; a read of one record takes its id from its list.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const users = await seededUsers(pg).finally(() => pg.end());
    const tokens = new TokenService(SECRET, 3600);
    const order = ['committee', 'admin', 'department', 'enterprise', 'instructor'] as const;
    const answers = new Map<string, unknown>();
    const problems: string[] = [];
    const checked: string[] = [];
    const gets = each()
      .filter(([name, op]) => name.startsWith('GET ') && op.responses['200']?.content?.['application/json'])
      .sort(([a], [b]) => a.split('/').length - b.split('/').length);
    for (const [name, op] of gets) {
      let path = name.slice(4);
      const param = /\/\{(\w+)\}$/.exec(path);
      if (path.slice(0, param?.index).includes('{')) continue;
      if (param) {
        const list = answers.get(path.slice(0, param.index)) as
          { items?: { id?: string }[] } | { id?: string }[];
        const first = Array.isArray(list) ? list[0] : list?.items?.[0];
        if (!first?.id) continue;
        path = `${path.slice(0, param.index)}/${first.id}`;
      }
      const query = new URLSearchParams();
      let callable = true;
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query' || !p.required) continue;
        const given = p as { example?: unknown; schema?: Schema & { example?: unknown; default?: unknown } };
        const value =
          given.example ?? given.schema?.example ?? given.schema?.enum?.[0] ?? given.schema?.default;
        if (value === undefined) callable = false;
        else query.set(p.name, String(value));
      }
      if (!callable) continue;
      for (const role of order) {
        const r = await fetch(`${running.url}${path}${query.size ? `?${query}` : ''}`, {
          headers: { authorization: `Bearer ${tokens.sign(users[role]).token}` },
        });
        if (r.status !== 200) {
          await r.body?.cancel();
          continue;
        }
        const body = (await r.json()) as unknown;
        answers.set(name.slice(4), body);
        checked.push(name);
        mismatches(doc, op.responses['200'].content!['application/json'].schema, body, name, problems);
        break;
      }
    }
    expect(problems).toEqual([]);
    expect(checked.length).toBeGreaterThan(40);
  });

  describe('a password that must be changed', () => {
    const PENDING = problemType('passwordChangeRequired');
    const typesOf403 = (op: Operation): unknown[] => {
      const schema = op.responses['403']?.content?.['application/problem+json']?.schema;
      return (schema?.allOf ?? []).flatMap((s) => s.properties?.type?.enum ?? []);
    };

    it('is named on the 403 of every operation except reading yourself and changing it', () => {
      const problems: string[] = [];
      const exempt: string[] = [];
      for (const [name, op] of each()) {
        if (!op.security?.length) continue;
        const allows = op['x-allows-pending-password-change'] === true;
        if (allows) exempt.push(name);
        const described = /passwordChangeRequired/.test(op.responses['403']?.description ?? '');
        const typed = typesOf403(op).includes(PENDING);
        if (allows ? described || typed : !(described && typed))
          problems.push(`${name}: 403 ${allows ? 'names' : 'does not name'} passwordChangeRequired`);
      }
      expect(problems).toEqual([]);
      expect(exempt.sort()).toEqual([
        'GET /api/v1/identity/me',
        'POST /api/v1/identity/auth/change-password',
      ]);
    });

    it('is what the guard answers, on every operation as documented', async () => {
      // A token of each role whose password must still be changed: the guard refuses it as
      // "forbidden" for a role the operation does not allow, as passwordChangeRequired otherwise.
      const tokens = new TokenService(SECRET, 3600);
      const mismatches: string[] = [];
      for (const [name, op] of each()) {
        if (!op.security?.length) continue;
        const [method, path] = name.split(' ');
        const target = path.replace(/\{\w+\}/g, '0193a000-0000-7000-8000-0000000000ff');
        const answered: string[] = [];
        for (const role of Roles) {
          const token = tokens.sign({
            id: '0193a000-0000-7000-8000-00000000a11c',
            role,
            name: 'pending',
            passwordChangeRequired: true,
          }).token;
          const r = await fetch(`${running.url}${target}`, {
            method,
            headers: { authorization: `Bearer ${token}` },
          });
          const body = r.status === 403 ? ((await r.json()) as { type?: string }) : null;
          if (r.status !== 403) await r.body?.cancel();
          answered.push(body?.type ?? String(r.status));
        }
        const pendingRefused = answered.includes(PENDING);
        const documented = typesOf403(op).includes(PENDING);
        if (pendingRefused !== documented)
          mismatches.push(`${name}: documented ${documented}, answered ${answered.join(', ')}`);
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('rate limits', () => {
    const RATE_GUARDS = ['LoginThrottleGuard', 'SubmitRateLimitGuard'];

    it('are documented as 429 with Retry-After on every operation a limit guards', () => {
      const limited = declared.filter((r) => r.guards.some((g) => RATE_GUARDS.includes(g))).map((r) => r.key);
      expect(limited.sort()).toEqual([
        'POST /api/v1/identity/auth/login',
        'POST /api/v1/identity/password-resets',
        'POST /api/v1/identity/registrations',
        'POST /api/v1/tickets',
      ]);
      // Change password locks the account after wrong passwords, as login does.
      const expected = [...limited, 'POST /api/v1/identity/auth/change-password'];
      const problems: string[] = [];
      const with429 = each()
        .filter(([, op]) => op.responses['429'])
        .map(([name]) => name);
      expect(with429.sort()).toEqual(expected.sort());
      for (const [name, op] of each()) {
        const r = op.responses['429'];
        if (!r) continue;
        if (r.headers?.['Retry-After']?.schema?.type !== 'integer') problems.push(`${name}: no Retry-After`);
        const schema = r.content?.['application/problem+json']?.schema;
        if (!schema?.allOf?.some((s) => s.required?.includes('retryAfterSeconds')))
          problems.push(`${name}: retryAfterSeconds not in the body`);
        if (!/LOGIN_RATE_LIMIT|TICKET_SUBMIT_PER_MINUTE|15 minutes/.test(r.description ?? ''))
          problems.push(`${name}: the limit is not named`);
      }
      expect(problems).toEqual([]);
      expect(doc.info.description).toMatch(/LOGIN_RATE_LIMIT/);
      expect(doc.info.description).toMatch(/TICKET_SUBMIT_PER_MINUTE/);
    });

    it('answer as documented: the login limit per address, with Retry-After', async () => {
      const login = () =>
        fetch(`${running.url}/api/v1/identity/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'nobody-here', password: 'Wrong12345' }),
        });
      let last = await login();
      for (let i = 0; i < LOGIN_LIMIT + 1 && last.status !== 429; i++) {
        await last.body?.cancel();
        last = await login();
      }
      expect(last.status).toBe(429);
      const retryAfter = Number(last.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(last.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await last.json()).toMatchObject({
        status: 429,
        type: problemType('tooManyRequests'),
        retryAfterSeconds: retryAfter,
      });
    });
  });

  it('lists Idempotency-Key once, optional, on every operation that reads it', () => {
    const reading = declared.filter((r) => r.headers.includes('idempotency-key')).map((r) => r.key);
    expect(reading.sort()).toEqual([
      'POST /api/v1/meetings',
      'POST /api/v1/outreach/visits',
      'POST /api/v1/tickets',
    ]);
    const problems: string[] = [];
    for (const [name, op] of each()) {
      const keys = (op.parameters ?? []).filter((p) => p.name.toLowerCase() === 'idempotency-key');
      if (reading.includes(name) ? keys.length !== 1 : keys.length !== 0)
        problems.push(`${name}: Idempotency-Key listed ${keys.length} times`);
      for (const k of keys) {
        if (k.in !== 'header' || k.required !== false) problems.push(`${name}: not an optional header`);
        if (k.schema?.type !== 'string') problems.push(`${name}: not a string`);
      }
    }
    expect(problems).toEqual([]);
    expect(doc.info.description).toMatch(/Idempotency-Key/);
  });

  it("names the ledger's event types, every one listed in docs/events.md, which the description points to", () => {
    const catalogue = Object.keys(EventPayloadClasses).sort();
    const events = readFileSync(join(__dirname, '..', 'docs', 'events.md'), 'utf8');
    expect(catalogue.filter((t) => !events.includes(`\`${t}\``))).toEqual([]);
    expect(doc.info.description).toContain('docs/events.md');
    const page = resolve(
      doc.paths['/api/v1/ledger/entries'].get.responses['200'].content?.['application/json']?.schema,
    );
    const entry = resolve(page?.properties?.items?.items);
    expect((entry?.properties?.type?.enum ?? []).slice().sort()).toEqual(catalogue);
  });
});
