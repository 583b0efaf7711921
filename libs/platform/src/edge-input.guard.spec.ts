import { Body, ExecutionContext, HttpException, Param, Query, UploadedFile } from '@nestjs/common';
import { EdgeInputGuard, nothingToChange, routeShape } from './edge-input.guard';
import { ValidationProblem } from './problem-details.filter';

class Routes {
  update(@Param('id') _id: string, @Body() _body: unknown) {}
  create(@Body() _body: unknown) {}
  upload(@UploadedFile() _file: unknown) {}
  seal() {}
  list(@Query() _query: unknown) {}
}

type Handler = keyof Routes;

/** The media-type match Express's `req.is` makes, for the types the guard asks about. */
function is(contentType: string | undefined, types: string | string[]): string | false {
  const actual = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!actual) return false;
  for (const t of ([] as string[]).concat(types)) {
    if (t === actual) return t;
    if (t === '+json' && actual.endsWith('+json')) return t;
    if (t === 'application/*+json' && actual.startsWith('application/') && actual.endsWith('+json')) return t;
  }
  return false;
}

interface Call {
  method?: string;
  handler?: Handler;
  contentType?: string;
  length?: number;
  body?: unknown;
  query?: Record<string, unknown>;
  params?: Record<string, string>;
}

function run(call: Call): unknown {
  const headers: Record<string, string> = {};
  if (call.contentType) headers['content-type'] = call.contentType;
  const length = call.length ?? (call.body === undefined ? 0 : JSON.stringify(call.body).length);
  if (length) headers['content-length'] = String(length);
  const req = {
    method: call.method ?? 'POST',
    headers,
    body: call.body,
    query: call.query ?? {},
    params: call.params ?? {},
    is: (types: string | string[]) => is(call.contentType, types),
  };
  const handler = Routes.prototype[call.handler ?? 'create'];
  const ctx = {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => handler,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  try {
    return new EdgeInputGuard().canActivate(ctx);
  } catch (e) {
    return e;
  }
}

const json = 'application/json';
const fieldOf = (r: unknown) => (r as ValidationProblem).errors?.[0]?.field;
const statusOf = (r: unknown) => (r instanceof HttpException ? r.getStatus() : 'passed');

describe('EdgeInputGuard', () => {
  describe('text that cannot be stored', () => {
    it('refuses NUL in a JSON body with 400 naming the nested field', () => {
      const r = run({ contentType: json, body: { title: 'ok', contact: { name: '王\u0000五' } } });
      expect(r).toBeInstanceOf(ValidationProblem);
      expect(statusOf(r)).toBe(400);
      expect(fieldOf(r)).toBe('contact.name');
    });

    it('refuses lone high and low surrogates, and names array items', () => {
      expect(fieldOf(run({ contentType: json, body: { title: 'a\ud800b' } }))).toBe('title');
      expect(fieldOf(run({ contentType: json, body: { tags: ['ok', '\udc00'] } }))).toBe('tags.1');
    });

    it('accepts valid surrogate pairs (emoji, supplementary CJK)', () => {
      expect(run({ contentType: json, body: { title: '停水了 😭', name: '𠀀' } })).toBe(true);
    });

    it('refuses NUL in the query and in path parameters, whatever the method', () => {
      const q = run({ method: 'GET', handler: 'list', query: { q: 'a\u0000' } });
      expect([statusOf(q), fieldOf(q)]).toEqual([400, 'query.q']);
      const p = run({ method: 'GET', handler: 'list', params: { id: '\u0000' } });
      expect([statusOf(p), fieldOf(p)]).toEqual([400, 'params.id']);
      const s = run({ method: 'DELETE', handler: 'seal', query: { x: ['ok', '\ud83d'] } });
      expect([statusOf(s), fieldOf(s)]).toEqual([400, 'query.x.1']);
    });

    it('refuses a field name that cannot be stored', () => {
      expect(statusOf(run({ contentType: json, body: { 'a\u0000': 1 } }))).toBe(400);
    });
  });

  describe('media types of write bodies', () => {
    it.each([
      ['text/plain', 'text/plain'],
      ['form-urlencoded', 'application/x-www-form-urlencoded'],
      ['XML', 'application/xml'],
      ['multipart', 'multipart/form-data; boundary=x'],
    ])('answers %s on a JSON route with 415', (_name, contentType) => {
      for (const method of ['POST', 'PUT', 'PATCH']) {
        const r = run({ method, handler: 'update', contentType, length: 10, body: undefined });
        expect([method, statusOf(r)]).toEqual([method, 415]);
        expect((r as HttpException).getResponse()).toMatchObject({
          type: 'urn:chuishao:problem:unsupportedMediaType',
        });
      }
    });

    it('answers a body without a content type with 415', () => {
      expect(statusOf(run({ length: 10 }))).toBe(415);
    });

    it('accepts application/json, with a charset, and application/*+json', () => {
      expect(run({ contentType: 'application/json; charset=utf-8', body: { a: 1 } })).toBe(true);
      expect(run({ contentType: 'application/merge-patch+json', body: { a: 1 } })).toBe(true);
    });

    it('holds other JSON types to what the JSON parser guard checks: an object of modest depth', () => {
      const ld = 'application/ld+json';
      expect(statusOf(run({ contentType: ld, body: [1, 2] }))).toBe(400);
      let deep: unknown = 1;
      for (let i = 0; i < 40; i++) deep = { a: deep };
      expect(statusOf(run({ contentType: ld, body: deep }))).toBe(400);
    });

    it('leaves multipart upload routes and routes without a body alone', () => {
      expect(run({ handler: 'upload', contentType: 'multipart/form-data; boundary=x', length: 10 })).toBe(
        true,
      );
      expect(run({ handler: 'upload', contentType: 'text/plain', length: 10 })).toBe(true);
      expect(run({ handler: 'seal', contentType: 'text/plain', length: 10 })).toBe(true);
    });

    it('leaves a write without a body to validation, and ignores bodies of reads', () => {
      expect(run({ method: 'POST', handler: 'create', length: 0 })).toBe(true);
      expect(run({ method: 'GET', handler: 'list', contentType: 'text/plain', length: 10 })).toBe(true);
    });

    it('reads what a route takes from its parameter decorators', () => {
      expect(routeShape(Routes, Routes.prototype.update)).toEqual({ takesBody: true, takesUpload: false });
      expect(routeShape(Routes, Routes.prototype.upload)).toEqual({ takesBody: false, takesUpload: true });
      expect(routeShape(Routes, Routes.prototype.seal)).toEqual({ takesBody: false, takesUpload: false });
    });
  });

  describe('a PATCH with nothing to change', () => {
    it.each([
      ['an empty object', { contentType: json, body: {} }],
      ['expectedVersion alone', { contentType: json, body: { expectedVersion: 3 } }],
      ['no body at all', {}],
    ])('is 400 for %s', (_name, call: Call) => {
      const r = run({ method: 'PATCH', handler: 'update', ...call });
      expect(statusOf(r)).toBe(400);
      expect((r as ValidationProblem).errors).toEqual([
        { field: 'body', messages: [expect.stringMatching(/^nothing to change/)] },
      ]);
    });

    it('passes once any field is named, null (which clears) included', () => {
      expect(
        run({
          method: 'PATCH',
          handler: 'update',
          contentType: json,
          body: { expectedVersion: 3, name: 'x' },
        }),
      ).toBe(true);
      expect(run({ method: 'PATCH', handler: 'update', contentType: json, body: { email: null } })).toBe(
        true,
      );
    });

    it('applies to PATCH only', () => {
      expect(run({ method: 'PUT', handler: 'update', contentType: json, body: {} })).toBe(true);
      expect(
        run({ method: 'POST', handler: 'update', contentType: json, body: { expectedVersion: 1 } }),
      ).toBe(true);
    });

    it('leaves a body that is not an object to validation', () => {
      expect(nothingToChange([])).toBe(false);
      expect(nothingToChange('x')).toBe(false);
      expect(nothingToChange(null)).toBe(true);
    });
  });

  it('checks HTTP requests only', () => {
    const ctx = { getType: () => 'rpc' } as unknown as ExecutionContext;
    expect(new EdgeInputGuard().canActivate(ctx)).toBe(true);
  });
});
