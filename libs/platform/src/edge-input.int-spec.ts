/**
 * The edge on a real app shell (Express, body parsers, the token guard, the problem filter): what a
 * unit spec of the guard cannot show — that it runs after authentication, that Express's decoded
 * path parameters and query reach it, that application/*+json is parsed, that an upload route is
 * left to multer, and that a real PostgreSQL data exception becomes a 400.
 */
import {
  Body,
  Controller,
  Get,
  Inject,
  Module,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Public, Roles, TokenService } from '@ticketing/auth';
import { DATABASE_URL } from '@ticketing/database';
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { RunningService, startService } from './bootstrap';

const SECRET = 'edge-input-int-spec-secret-'.padEnd(40, 'e');

@Controller('api/v1/edge')
class EdgeTestController {
  constructor(@Inject(DATABASE_URL) private readonly databaseUrl: string) {}

  @Patch('things/:id')
  @Roles('admin')
  update(@Param('id') id: string, @Body() body: Record<string, unknown>) {
    return { id, body };
  }

  @Post('open')
  @Public()
  open(@Body() body: Record<string, unknown>, @Query('q') q?: string) {
    return { body, q };
  }

  @Post('upload')
  @Public()
  @UseInterceptors(FileInterceptor('file'))
  upload(@UploadedFile() file?: { originalname: string; size: number }) {
    return { file: file ? { name: file.originalname, size: file.size } : null };
  }

  @Post('seal')
  @Public()
  seal() {
    return { sealed: true };
  }

  /** Hands a caller's number to PostgreSQL unchecked, as a DTO without @Max would. */
  @Get('number/:n')
  @Public()
  async number(@Param('n') n: string) {
    const pg = new Client({ connectionString: this.databaseUrl });
    await pg.connect();
    try {
      return (await pg.query('SELECT $1::int AS n', [n])).rows[0];
    } finally {
      await pg.end();
    }
  }
}

@Module({ controllers: [EdgeTestController] })
class EdgeTestModule {}

describe('the edge on the app shell', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase('edge');
    running = await startService({
      service: 'edge-test',
      modules: [EdgeTestModule],
      environment: { DATABASE_URL: db.url, PORT: '0', JWT_SECRET: SECRET, LOG_LEVEL: 'silent' },
    });
    admin = new TokenService(SECRET).sign({ id: 'u1', role: 'admin', name: 'admin' }).token;
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  const call = async (
    method: string,
    path: string,
    init: { token?: string; type?: string; body?: string } = {},
  ) => {
    const r = await fetch(`${running.url}/api/v1/edge${path}`, {
      method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body,
    });
    const text = await r.text();
    return {
      status: r.status,
      type: r.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  };
  const json = 'application/json';
  const fields = (b: Record<string, unknown>) =>
    ((b.errors as { field: string }[]) ?? []).map((e) => e.field);

  it('runs after authentication: a caller without a token learns nothing about the body', async () => {
    for (const [type, body] of [
      [json, '{}'],
      ['text/plain', 'x'],
      [json, '{"name":"\\u0000"}'],
    ])
      expect((await call('PATCH', '/things/1', { type, body })).status).toBe(401);
    const r = await call('PATCH', '/things/1', { token: admin, type: json, body: '{}' });
    expect([r.status, r.type]).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect(r.body.detail).toMatch(/nothing to change/);
  });

  it('refuses a PATCH of the version alone, and passes one that names a change', async () => {
    const only = await call('PATCH', '/things/1', {
      token: admin,
      type: json,
      body: '{"expectedVersion":2}',
    });
    expect(only.status).toBe(400);
    const change = await call('PATCH', '/things/1', {
      token: admin,
      type: json,
      body: '{"expectedVersion":2,"name":null}',
    });
    expect(change).toMatchObject({ status: 200, body: { body: { expectedVersion: 2, name: null } } });
  });

  it('answers a write body that is not JSON with 415, before the handler reads an empty body', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const r = await call('PATCH', '/things/1', { token: admin, type, body: 'name=x' });
      expect([type, r.status, r.body.type]).toEqual([type, 415, 'urn:chuishao:problem:unsupportedMediaType']);
    }
    expect((await call('POST', '/open', { type: 'text/plain', body: '{"a":1}' })).status).toBe(415);
  });

  it('parses application/*+json bodies and holds them to the same rules', async () => {
    const r = await call('POST', '/open', { type: 'application/merge-patch+json', body: '{"a":"😀"}' });
    expect(r).toMatchObject({ status: 201, body: { body: { a: '😀' } } });
    const deep = `{"a":${'['.repeat(100)}${']'.repeat(100)}}`;
    expect((await call('POST', '/open', { type: 'application/merge-patch+json', body: deep })).status).toBe(
      400,
    );
    expect((await call('POST', '/open', { type: 'application/ld+json', body: '[1]' })).status).toBe(400);
  });

  it('names the field of a NUL or a lone surrogate in the body, the query and the path', async () => {
    const body = await call('POST', '/open', { type: json, body: '{"contact":{"name":"a\\ud800"}}' });
    expect([body.status, fields(body.body)]).toEqual([400, ['contact.name']]);
    const query = await call('POST', '/open?q=a%00b', { type: json, body: '{}' });
    expect([query.status, fields(query.body)]).toEqual([400, ['query.q']]);
    const param = await call('PATCH', '/things/a%00b', { token: admin, type: json, body: '{"name":"x"}' });
    expect([param.status, fields(param.body)]).toEqual([400, ['params.id']]);
    const fine = await call('POST', '/open?q=%F0%9F%98%80', { type: json, body: '{"name":"𠀀😀"}' });
    expect(fine).toMatchObject({ status: 201, body: { q: '😀', body: { name: '𠀀😀' } } });
  });

  it('leaves a multipart upload to its route, and a route without a body alone', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('hello')], { type: 'text/plain' }), 'a.txt');
    const r = await fetch(`${running.url}/api/v1/edge/upload`, { method: 'POST', body: form });
    expect([r.status, await r.json()]).toEqual([201, { file: { name: 'a.txt', size: 5 } }]);
    expect((await call('POST', '/seal', { type: 'text/plain', body: 'x' })).status).toBe(201);
  });

  it('answers a value PostgreSQL refuses as out of range with 400, naming no SQL', async () => {
    const r = await call('GET', '/number/2147483648');
    expect(r).toMatchObject({ status: 400, body: { type: 'urn:chuishao:problem:invalidValue' } });
    expect(JSON.stringify(r.body)).not.toMatch(/SELECT|int4|integer/);
    expect((await call('GET', '/number/7')).body).toEqual({ n: 7 });
  });
});
