/**
 * Hostile requests for one operation of the API document, generated from its schema with
 * fast-check under a fixed seed. Each case changes ONE thing of an otherwise valid request (real
 * ids in the path, the record's current version, valid values for the other fields), so a case
 * that is not refused reaches the handler and shows what it does with the bad value.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Operation, Parameter, Schema } from './api-document';
import { RawRequest } from './raw-http';

/** The suite's one seed. Each case derives its own from it and its name, so adding an operation or a
 * field changes no other operation's inputs. */
export const SEED = 0x5eed_2026;

export type InputKind =
  | 'nul'
  | 'lone-high-surrogate'
  | 'lone-low-surrogate'
  | 'nul-in-key'
  | 'invalid-utf8'
  | 'over-max-length'
  | 'huge-string'
  | 'huge-array'
  | 'wrong-type'
  | 'null'
  | 'out-of-range'
  | 'nan-string'
  | 'deep-nesting'
  | 'missing-required'
  | 'invalid-uuid'
  | 'invalid-value'
  | 'unknown-id'
  | 'path-traversal'
  | 'invalid-json'
  | 'not-an-object'
  | 'empty-body'
  | 'content-type'
  | 'empty-patch'
  | 'multipart';

/** What the edge (libs/platform) promises for a case, on top of "no 5xx, problem+json, nothing written". */
export interface EdgeExpectation {
  status: number;
  /** The field the problem names in `errors[].field`. */
  field?: string;
  detail?: RegExp;
}

export interface HostileCase {
  kind: InputKind;
  /** Where the bad value is: `contact.name`, `query.limit`, `params.id`, `header.idempotency-key`, `body`. */
  field: string;
  /** A short, printable description of the value. */
  value: string;
  request: RawRequest;
  edge?: EdgeExpectation;
}

export interface CaseContext {
  /** Optional fields a valid body carries when a value is known (a webhook subscription needs its url). */
  optionalFields?: string[];
  /** Values of the path parameters that name existing records. */
  pathValues: Record<string, string>;
  /** A valid value for a field, where the document alone cannot say (ids of real records, phones). */
  valueFor(name: string, schema: Schema): unknown;
  /** Headers every request carries (authorization). */
  headers: Record<string, string>;
}

const HUGE = 200 * 1024;
const HUGE_IN_URL = 4000; // a URL over Node's 16 KB header limit is refused by Node itself, before any code of ours
const OUT_OF_RANGE = [2147483648, 2 ** 63, 1e308, -1];

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const seedOf = (name: string): number => (fnv1a(name) ^ SEED) | 0;

/** `count` values of `arb`, always the same for the same name. */
function sample<T>(name: string, arb: fc.Arbitrary<T>, count: number): T[] {
  return fc.sample(arb, { seed: seedOf(name), numRuns: count });
}

// Printable text around the hostile character; no NUL or surrogate of its own.
const text = fc.string({ unit: 'grapheme-ascii', maxLength: 10 }).map((s) => s.split('\u0000').join(''));
const cjk = fc
  .array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { maxLength: 6 })
  .map((cs) => String.fromCharCode(...cs));
const around = fc.tuple(fc.oneof(text, cjk), fc.oneof(text, cjk));
const withNul = around.map(([a, b]) => `${a}\u0000${b}`);
const withHigh = fc
  .tuple(around, fc.integer({ min: 0xd800, max: 0xdbff }))
  .map(([[a, b], c]) => `${a}${String.fromCharCode(c)}${b}`);
const withLow = fc
  .tuple(around, fc.integer({ min: 0xdc00, max: 0xdfff }))
  .map(([[a, b], c]) => `${a}${String.fromCharCode(c)}${b}`);
const nanStrings = fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '0x7fffffff', '１', '', ' ');
const notUuid = fc.oneof(
  fc.constantFrom("1' OR '1'='1", 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '{}', '-1'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }),
);
const junk = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 24 }),
  fc.constantFrom('nope', '2026-02-30', '99999-01-01', '../', '*', '%', '0'),
);

const printable = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 40)}… (${s.length} chars)` : s;
};

function typeOf(schema: Schema): string | undefined {
  if (schema.type) return schema.type;
  if (schema.enum) return typeof schema.enum[0];
  if (schema.items) return 'array';
  if (schema.properties) return 'object';
  if (schema.example !== undefined) return Array.isArray(schema.example) ? 'array' : typeof schema.example;
  return undefined;
}

const isIdName = (name: string) => /Id$/.test(name);

/** A value of another JSON type than the schema says. */
function wrongTypes(name: string, schema: Schema): unknown[] {
  const t = typeOf(schema);
  const candidates: fc.Arbitrary<unknown>[] = [];
  if (t !== 'string') candidates.push(fc.oneof(text, cjk));
  // (No Infinity: JSON writes it as null, which is another case.)
  if (t !== 'number' && t !== 'integer')
    candidates.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (t !== 'boolean') candidates.push(fc.boolean());
  if (t !== 'array') candidates.push(fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }));
  if (t !== 'object' || schema.properties)
    candidates.push(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), text, { maxKeys: 2 }));
  return sample(`${name}|wrong-type`, fc.oneof(...candidates), 2).filter((v) => v !== undefined);
}

function nested(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** A valid value for a schema: the context's, else the document's example, enum, default, a plain one. */
export function validValue(name: string, schema: Schema, ctx: CaseContext): unknown {
  const given = ctx.valueFor(name, schema);
  if (given !== undefined) return clone(given);
  if (schema.example !== undefined) return clone(schema.example);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return clone(schema.default);
  switch (typeOf(schema)) {
    case 'string': {
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date-time') return new Date(Date.now() + 30 * 86_400_000).toISOString();
      const s = 'hostile input check';
      return s.slice(0, schema.maxLength ?? s.length).padEnd(schema.minLength ?? 0, 'x');
    }
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [validValue(name.replace(/s$/, ''), schema.items, ctx)] : [];
    default:
      return validObject(schema, ctx);
  }
}

function validObject(schema: Schema, ctx: CaseContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const known =
      ctx.optionalFields?.includes(key) &&
      (ctx.valueFor(key, prop) !== undefined || prop.example !== undefined);
    if ((schema.required ?? []).includes(key) || known) out[key] = validValue(key, prop, ctx);
  }
  return out;
}

/** The first field of a PATCH body with a valid value, as a change. */
function oneChange(schema: Schema, ctx: CaseContext): Record<string, unknown> {
  const [key, prop] = Object.entries(schema.properties ?? {}).find(([k]) => k !== 'expectedVersion') ?? [];
  return key && prop ? { [key]: validValue(key, prop, ctx) } : {};
}

interface Field {
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every field of a body schema: properties, nested properties, and the items of arrays (`gridIds.0`). */
function fieldsOf(schema: Schema, prefix: string[] = [], parentRequired = true): Field[] {
  const out: Field[] = [];
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, key];
    const required = parentRequired && (schema.required ?? []).includes(key);
    out.push({ path, schema: prop, required });
    if (prop.properties) out.push(...fieldsOf(prop, path, required));
    if (prop.items) {
      if (prop.items.properties) out.push(...fieldsOf(prop.items, [...path, '0'], false));
      else out.push({ path: [...path, '0'], schema: prop.items, required: false });
    }
  }
  return out;
}

/** The body with `value` at `path` (containers along the way made valid), or without it. */
function bodyWith(
  base: Record<string, unknown>,
  root: Schema,
  path: string[],
  value: unknown,
  ctx: CaseContext,
  remove = false,
): Record<string, unknown> {
  const body = clone(base);
  let node: Record<string, unknown> | unknown[] = body;
  let schema: Schema = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const childSchema: Schema = (Array.isArray(node) ? schema.items : schema.properties?.[key]) ?? {};
    const container = node as Record<string, unknown>;
    if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') {
      container[key] = childSchema.items
        ? [childSchema.items.properties ? validObject(childSchema.items, ctx) : undefined].filter(
            (x) => x !== undefined,
          )
        : validObject(childSchema, ctx);
    }
    node = container[key] as Record<string, unknown>;
    schema = childSchema;
  }
  const leaf = path[path.length - 1];
  if (remove) delete (node as Record<string, unknown>)[leaf];
  else (node as Record<string, unknown>)[leaf] = value;
  return body;
}

const encodePath = (op: Operation, values: Record<string, string>): string =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);

function queryString(pairs: [string, string][]): string {
  return pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

/** JSON text with one value replaced by a literal no JSON.stringify can write (`1e999`). */
const RAW_MARK = '__hostile_raw__';

export function hostileCases(op: Operation, given: CaseContext): HostileCase[] {
  const cases: HostileCase[] = [];
  // A PATCH changes only what it names: its valid part is the required fields alone.
  const ctx: CaseContext = op.method === 'PATCH' ? { ...given, optionalFields: [] } : given;
  const validPath = Object.fromEntries(
    op.pathParams.map((p) => [p.name, encodeURIComponent(ctx.pathValues[p.name])]),
  );
  const validQuery: [string, string][] = op.query
    .filter((q) => q.required)
    .map((q) => [q.name, encodeURIComponent(String(validValue(q.name, q.schema, ctx)))]);
  const headerValues = (): Record<string, string> =>
    Object.fromEntries(
      op.headers.map((h) => [h.name, h.name === 'idempotency-key' ? randomUUID() : 'hostile']),
    );
  const baseBody = op.jsonBody ? validObject(op.jsonBody, ctx) : undefined;
  // What a request carries when its body is not the point: for a PATCH, also one real change, or
  // the edge would refuse it as "nothing to change" before the part under test is looked at.
  const wholeBody =
    baseBody && op.method === 'PATCH' ? { ...baseBody, ...oneChange(op.jsonBody!, ctx) } : baseBody;
  // A write whose route takes no body, sent with valid parameters, is simply carried out: only
  // malformed parameters are sent to it.
  const bodyless = op.method !== 'GET' && !op.jsonBody && !op.multipart;

  const request = (
    parts: {
      path?: Record<string, string>;
      query?: [string, string][];
      headers?: Record<string, string>;
      body?: string | Buffer;
      contentType?: string | null;
    } = {},
  ): RawRequest => {
    const headers: Record<string, string> = { ...ctx.headers, ...headerValues(), ...(parts.headers ?? {}) };
    let body = parts.body;
    let contentType = parts.contentType;
    if (body === undefined && parts.contentType === undefined && wholeBody) {
      body = JSON.stringify(wholeBody);
      contentType = 'application/json';
    }
    if (contentType) headers['content-type'] = contentType;
    return {
      method: op.method,
      target:
        encodePath(op, { ...validPath, ...(parts.path ?? {}) }) + queryString(parts.query ?? validQuery),
      headers,
      body,
    };
  };
  const add = (c: Omit<HostileCase, 'request'>, req: RawRequest) => cases.push({ ...c, request: req });
  const name = (field: string, kind: string) => `${op.key}|${field}|${kind}`;

  // ---- path parameters: each in turn, the others real
  for (const p of op.pathParams) {
    const field = `params.${p.name}`;
    const looksLikeUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(ctx.pathValues[p.name] ?? '');
    const bad = (kind: InputKind, raw: string, value: string, edge?: EdgeExpectation) =>
      add({ kind, field, value, edge }, request({ path: { [p.name]: raw } }));
    for (const v of sample(name(field, 'nul'), withNul, 2))
      bad('nul', encodeURIComponent(v), printable(v), { status: 400, field });
    // Percent-escapes of a lone surrogate (CESU-8) and of a stray byte: not UTF-8.
    bad('invalid-utf8', '%ED%A0%80', '%ED%A0%80');
    bad('invalid-utf8', 'a%FFb', 'a%FFb');
    for (const v of sample(name(field, looksLikeUuid ? 'uuid' : 'value'), looksLikeUuid ? notUuid : junk, 2))
      bad(looksLikeUuid ? 'invalid-uuid' : 'invalid-value', encodeURIComponent(v), printable(v));
    bad('path-traversal', '..%2F..%2Fetc%2Fpasswd', '../../etc/passwd');
    bad('huge-string', 'x'.repeat(HUGE_IN_URL), `x × ${HUGE_IN_URL}`);
    if (looksLikeUuid) bad('unknown-id', randomUUID(), 'a UUID no record has');
  }

  // ---- query: every declared parameter in turn, the required ones otherwise valid
  const withQuery = (
    q: Parameter,
    raw: string | null,
    extra: [string, string][] = [],
  ): [string, string][] => [
    ...validQuery.filter(([k]) => k !== q.name),
    ...(raw === null ? [] : ([[q.name, raw]] as [string, string][])),
    ...extra,
  ];
  for (const q of op.query) {
    const field = `query.${q.name}`;
    const t = typeOf(q.schema);
    const bad = (kind: InputKind, pairs: [string, string][], value: string, edge?: EdgeExpectation) =>
      add({ kind, field, value, edge }, request({ query: pairs }));
    if (bodyless) {
      // a write without a body: only what must be refused, never a valid call
      for (const v of sample(name(field, 'nul'), withNul, 1))
        bad('nul', withQuery(q, encodeURIComponent(v)), printable(v), { status: 400, field });
      continue;
    }
    for (const v of sample(name(field, 'nul'), withNul, 2))
      bad('nul', withQuery(q, encodeURIComponent(v)), printable(v), { status: 400, field });
    bad('invalid-utf8', withQuery(q, '%ED%A0%80'), '%ED%A0%80');
    bad('huge-string', withQuery(q, 'x'.repeat(HUGE_IN_URL)), `x × ${HUGE_IN_URL}`);
    if (q.schema.maxLength !== undefined)
      bad(
        'over-max-length',
        withQuery(q, 'x'.repeat(q.schema.maxLength + 1)),
        `x × ${q.schema.maxLength + 1}`,
      );
    if (t === 'number' || t === 'integer') {
      for (const n of [...OUT_OF_RANGE, 1e20])
        if (!(n === -1 && (q.schema.minimum ?? 0) <= -1))
          bad('out-of-range', withQuery(q, n.toLocaleString('en-US', { useGrouping: false })), String(n));
      for (const v of sample(name(field, 'nan'), nanStrings, 2))
        bad('nan-string', withQuery(q, encodeURIComponent(v)), printable(v));
    }
    if (q.schema.enum || isIdName(q.name) || q.schema.format || q.schema.example !== undefined)
      for (const v of sample(name(field, 'value'), isIdName(q.name) ? notUuid : junk, 2))
        bad(
          isIdName(q.name) ? 'invalid-uuid' : 'invalid-value',
          withQuery(q, encodeURIComponent(v)),
          printable(v),
        );
    const valid = encodeURIComponent(String(validValue(q.name, q.schema, ctx)));
    bad('wrong-type', withQuery(q, valid, [[q.name, valid]]), `${q.name} given twice`);
    bad('wrong-type', withQuery(q, null, [[`${q.name}[a]`, valid]]), `${q.name}[a]=…`);
    if (q.required) bad('missing-required', withQuery(q, null), 'absent');
  }
  // A parameter no operation declares still reaches the edge.
  for (const v of sample(name('query.zz', 'nul'), withNul, 1))
    add(
      { kind: 'nul', field: 'query.zz', value: printable(v), edge: { status: 400, field: 'query.zz' } },
      request({ query: [...validQuery, ['zz', encodeURIComponent(v)]] }),
    );

  // ---- headers the document declares (Idempotency-Key)
  for (const h of op.headers) {
    const field = `header.${h.name}`;
    add(
      { kind: 'huge-string', field, value: 'k × 1000' },
      request({ headers: { [h.name]: 'k'.repeat(1000) } }),
    );
    if (h.required) {
      const req = request();
      delete req.headers![h.name];
      add({ kind: 'missing-required', field, value: 'absent' }, req);
    }
  }

  // ---- multipart uploads: everything but a well-formed file
  if (op.multipart) {
    const boundary = 'hostileBoundary7MA4YWxk';
    const part = (fieldName: string, fileName: string, type: string, content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n${content}\r\n`;
    const mp = `multipart/form-data; boundary=${boundary}`;
    const variants: [string, string, string][] = [
      ['no file part', `--${boundary}--\r\n`, mp],
      [
        'file under another field name',
        part('upload', 'a.png', 'image/png', 'x') + `--${boundary}--\r\n`,
        mp,
      ],
      [
        'text pretending to be a PNG',
        part('file', 'a.png', 'image/png', 'not a png') + `--${boundary}--\r\n`,
        mp,
      ],
      ['empty file', part('file', 'a.png', 'image/png', '') + `--${boundary}--\r\n`, mp],
      ['no closing boundary', part('file', 'a.png', 'image/png', 'x'), mp],
      ['no boundary parameter', part('file', 'a.png', 'image/png', 'x'), 'multipart/form-data'],
      ['JSON instead of a file', '{"file":"x"}', 'application/json'],
      ['text/plain', 'file=x', 'text/plain'],
    ];
    for (const [value, body, contentType] of variants)
      add({ kind: 'multipart', field: 'body', value }, request({ body, contentType }));
  }

  if (!op.jsonBody || !baseBody || !wholeBody) return cases;
  const root = op.jsonBody;
  const jsonReq = (body: unknown, raw?: string) =>
    request({ body: raw ?? JSON.stringify(body), contentType: 'application/json' });

  // ---- the body as a whole
  const baseText = JSON.stringify(wholeBody);
  for (const cut of sample(
    name('body', 'invalid-json'),
    fc.integer({ min: 1, max: Math.max(1, baseText.length - 1) }),
    2,
  ))
    add(
      { kind: 'invalid-json', field: 'body', value: printable(baseText.slice(0, cut)) },
      jsonReq(undefined, baseText.slice(0, cut)),
    );
  for (const raw of sample(
    name('body', 'invalid-json-text'),
    fc.constantFrom('{"a":1,}', "{'a':1}", '{"a":01}', '{"a":"\\x"}', '{"a" 1}', '{"a":"\u0001"}', 'NaN'),
    2,
  ))
    add({ kind: 'invalid-json', field: 'body', value: printable(raw) }, jsonReq(undefined, raw));
  for (const raw of ['null', '[1,2,3]', '"text"', '42', 'true'])
    add({ kind: 'not-an-object', field: 'body', value: raw }, jsonReq(undefined, raw));
  add(
    { kind: 'empty-body', field: 'body', value: 'no bytes, JSON content type' },
    request({ body: '', contentType: 'application/json' }),
  );
  for (const depth of sample(
    name('body', 'deep'),
    fc.integer({ min: 17, max: 2500 }).map((n) => n * 2),
    1,
  ))
    add(
      { kind: 'deep-nesting', field: 'body', value: `${depth} levels` },
      // Written as text: JSON.stringify itself recurses, and thousands of levels exhaust its stack.
      jsonReq(
        undefined,
        `${baseText.slice(0, -1)}${baseText.length > 2 ? ',' : ''}"zz":${'[{"a":'.repeat(depth / 2)}1${'}]'.repeat(depth / 2)}}`,
      ),
    );
  for (const key of sample(name('body', 'nul-key'), withNul, 1))
    add(
      { kind: 'nul-in-key', field: 'body', value: printable(key), edge: { status: 400 } },
      jsonReq({ ...wholeBody, [key]: 'x' }),
    );
  // The same valid JSON under other media types: refused as a whole.
  const form = new URLSearchParams(
    Object.entries(wholeBody).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  ).toString();
  const boundary = 'hostileFormBoundary';
  const multipartForm =
    Object.entries(wholeBody)
      .map(
        ([k, v]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'string' ? v : JSON.stringify(v)}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`;
  const mediaTypes: [string, string, string | null][] = [
    ['text/plain', baseText, 'text/plain'],
    ['form-urlencoded', form || 'a=1', 'application/x-www-form-urlencoded'],
    ['XML', '<body><a>1</a></body>', 'application/xml'],
    ['multipart form', multipartForm, `multipart/form-data; boundary=${boundary}`],
    ['no content type', baseText, null],
  ];
  for (const [value, body, contentType] of mediaTypes)
    add(
      { kind: 'content-type', field: 'body', value, edge: { status: 415 } },
      request({ body, contentType }),
    );
  if (op.method === 'PATCH') {
    const nothing = { status: 400, detail: /nothing to change/ };
    add({ kind: 'empty-patch', field: 'body', value: '{}', edge: nothing }, jsonReq({}));
    if ('expectedVersion' in (root.properties ?? {}))
      add(
        { kind: 'empty-patch', field: 'body', value: 'expectedVersion only', edge: nothing },
        jsonReq({ expectedVersion: ctx.valueFor('expectedVersion', {}) ?? 1 }),
      );
    add(
      { kind: 'empty-patch', field: 'body', value: 'no body', edge: nothing },
      request({ body: undefined, contentType: null }),
    );
  }

  // ---- each field in turn, the rest of the body valid
  for (const f of fieldsOf(root)) {
    const field = f.path.join('.');
    const leafName = f.path.filter((s) => !/^\d+$/.test(s)).pop() ?? field;
    const t = typeOf(f.schema);
    // A PATCH's version alone is "nothing to change": its cases carry a change too.
    const base = field === 'expectedVersion' ? wholeBody : baseBody;
    const put = (kind: InputKind, value: unknown, edge?: EdgeExpectation) =>
      add({ kind, field, value: printable(value), edge }, jsonReq(bodyWith(base, root, f.path, value, ctx)));
    if (f.required)
      add(
        { kind: 'missing-required', field, value: 'absent' },
        jsonReq(bodyWith(base, root, f.path, undefined, ctx, true)),
      );
    // null where the document does not allow it: for a required field, and in a PATCH (where null
    // clears a field). An optional field of a POST or PUT given as null reads as absent.
    if (!f.schema.nullable && (f.required || op.method === 'PATCH')) put('null', null);
    for (const v of wrongTypes(name(field, 'wrong-type'), f.schema)) put('wrong-type', v);
    const stringy = t === 'string' || t === undefined;
    const freeForm = t === 'object' && !f.schema.properties;
    if (stringy) {
      for (const v of sample(name(field, 'nul'), withNul, 1)) put('nul', v, { status: 400, field });
      for (const v of sample(name(field, 'high'), withHigh, 1))
        put('lone-high-surrogate', v, { status: 400, field });
      for (const v of sample(name(field, 'low'), withLow, 1))
        put('lone-low-surrogate', v, { status: 400, field });
      if (f.schema.maxLength !== undefined) put('over-max-length', '长'.repeat(f.schema.maxLength + 1));
      put('huge-string', 'x'.repeat(HUGE));
      if (f.schema.format === 'uuid')
        for (const v of sample(name(field, 'uuid'), notUuid, 1)) put('invalid-uuid', v);
      if (f.schema.enum || f.schema.format === 'date-time')
        for (const v of sample(name(field, 'value'), junk, 1)) put('invalid-value', v);
    }
    if (freeForm) {
      for (const v of sample(name(field, 'nul'), withNul, 1))
        put('nul', { k: v }, { status: 400, field: `${field}.k` });
      for (const v of sample(name(field, 'high'), withHigh, 1))
        put('lone-high-surrogate', [v], { status: 400, field: `${field}.0` });
      put('huge-string', 'x'.repeat(HUGE));
      for (const depth of sample(name(field, 'deep'), fc.integer({ min: 8, max: 24 }), 1))
        put('deep-nesting', nested(depth, 'x'));
    }
    if (t === 'number' || t === 'integer') {
      for (const n of OUT_OF_RANGE) if (!(n === -1 && (f.schema.minimum ?? 0) <= -1)) put('out-of-range', n);
      if (f.schema.maximum !== undefined) put('out-of-range', f.schema.maximum + 1);
      add(
        { kind: 'out-of-range', field, value: '1e999 (JSON literal)' },
        jsonReq(
          undefined,
          JSON.stringify(bodyWith(base, root, f.path, RAW_MARK, ctx)).replace(`"${RAW_MARK}"`, '1e999'),
        ),
      );
      for (const v of sample(name(field, 'nan'), nanStrings, 1)) put('nan-string', v);
    }
    if (t === 'array') {
      const item = f.schema.items ? validValue(leafName.replace(/s$/, ''), f.schema.items, ctx) : 'x';
      const n = Math.max((f.schema.maxItems ?? 0) + 1, 10_000);
      put(
        'huge-array',
        Array.from({ length: n }, () => item),
      );
      for (const depth of sample(name(field, 'deep'), fc.integer({ min: 8, max: 24 }), 1))
        put('deep-nesting', [nested(depth, 'x')]);
    }
  }
  return cases;
}
