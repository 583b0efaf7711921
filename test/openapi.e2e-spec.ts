/**
 * `/api/docs` is the contract the web app and integrators build on: every HTTP route of every
 * service must be in it, with its tag, its success response and its error responses.
 */
import { RunningService, startService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { STANDALONE_MODULES } from '../apps/standalone/src/standalone.modules';

interface Operation {
  tags?: string[];
  security?: unknown[];
  responses: Record<string, unknown>;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
}

describe('OpenAPI document of the whole system', () => {
  let running: RunningService;
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = mkdtempSync('/var/tmp/chuishao-openapi-');
  let doc: { paths: Record<string, Record<string, Operation>> };
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    execFileSync('chmod', ['755', dataDir]);
    db = await createTestDatabase('openapi');
    running = await startService({
      service: 'standalone',
      modules: STANDALONE_MODULES,
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: 'o'.repeat(40),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
    });
    doc = (await (await fetch(`${running.url}/api/docs-json`)).json()) as typeof doc;
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
  });
  afterAll(async () => {
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
  });

  it('gives every operation a tag, a success response, and its error responses', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
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
    }
    expect(problems).toEqual([]);
  });
});
