import { ConfigError, BaseEnv, loadConfig } from '@ticketing/config';
import { createTestDatabase } from '@ticketing/testing';
import { createServer, Server } from 'node:net';
import { partitionFor } from '@ticketing/messaging';
import { RunningService, startService, StartupError } from '@ticketing/platform';

const SECRET = 'x'.repeat(40);

describe('service shell', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('platform');
  });
  afterAll(async () => {
    await running?.close();
    await db.drop();
  });

  it('answers /health with every check, /metrics in Prometheus format, and problem+json for unknown routes', async () => {
    running = await startService({
      service: 'platform-test',
      modules: [],
      environment: { DATABASE_URL: db.url, PORT: '0', JWT_SECRET: SECRET, LOG_LEVEL: 'warn' },
    });
    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      checks: { transport: { ok: true, detail: 'in-process' } },
    });

    const metrics = await fetch(`${running.url}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('process_cpu_user_seconds_total');

    const missing = await fetch(`${running.url}/api/v1/nothing-here`, {
      headers: { 'x-correlation-id': 'abc-123' },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.headers.get('x-correlation-id')).toBe('abc-123');
    expect(await missing.json()).toMatchObject({
      status: 404,
      type: 'urn:chuishao:problem:notFound',
      correlationId: 'abc-123',
    });

    // Hostile bodies are refused before anything walks them: a top-level array, absurd nesting.
    for (const body of [
      '['.repeat(5000) + ']'.repeat(5000),
      '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
      '[1,2,3]',
    ]) {
      const r = await fetch(`${running.url}/api/v1/anything`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { errors: { field: string }[] }).errors[0].field).toBe('body');
    }
    const broken = await fetch(`${running.url}/api/v1/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(broken.status).toBe(400);

    const docs = await fetch(`${running.url}/api/docs-json`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff'); // helmet
  });

  it('runs each consumer group of the in-process transport in one lane unless LOCAL_TRANSPORT_LANES says otherwise', async () => {
    // Two keys that four lanes would split: with one lane a group gets them in one batch.
    const keys = ['k-0', 'k-1', 'k-2', 'k-3', 'k-4', 'k-5'];
    const [a] = keys;
    const b = keys.find((k) => partitionFor(k, 4) !== partitionFor(a, 4))!;
    const batchesOf = async (environment: Record<string, string>) => {
      const service = await startService({
        service: 'platform-lanes',
        modules: [],
        environment: {
          DATABASE_URL: db.url,
          PORT: '0',
          JWT_SECRET: SECRET,
          LOG_LEVEL: 'warn',
          ...environment,
        },
      });
      try {
        const batches: string[][] = [];
        await service.runtime.transport.subscribe({
          groupId: 'lanes-test',
          topics: ['lanes.test'],
          handle: async (m) => void batches.push([m.key]),
          handleBatch: async (ms) => void batches.push(ms.map((m) => m.key)),
        });
        await service.runtime.transport.publish(
          [a, b].map((key) => ({ topic: 'lanes.test', key, value: '{}' })),
        );
        return batches;
      } finally {
        await service.close();
      }
    };
    expect(await batchesOf({})).toEqual([[a, b]]);
    expect((await batchesOf({ LOCAL_TRANSPORT_LANES: '4' })).sort()).toEqual([[a], [b]].sort());
  });

  it('refuses a malformed DATABASE_URL, naming the variable', () => {
    expect(() => loadConfig(BaseEnv, { DATABASE_URL: 'mysql//nope' })).toThrow(ConfigError);
    try {
      loadConfig(BaseEnv, { DATABASE_URL: 'mysql//nope', PORT: 'eighty' });
    } catch (e) {
      expect((e as ConfigError).problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^DATABASE_URL: /), expect.stringMatching(/^PORT: /)]),
      );
    }
  });

  it('refuses malformed KAFKA_BROKERS, naming the variable', () => {
    expect(() => loadConfig(BaseEnv, { KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS/);
  });

  it('stops with one message naming PORT when the port is busy', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(
        startService({
          service: 'platform-test',
          modules: [],
          environment: {
            DATABASE_URL: db.url,
            PORT: String(port),
            HOST: '127.0.0.1',
            JWT_SECRET: SECRET,
            LOG_LEVEL: 'silent',
          },
        }),
      ).rejects.toThrow(
        new StartupError(
          `PORT=${port} is already in use on 127.0.0.1; stop the other process or set PORT to a free port`,
        ),
      );
    } finally {
      blocker.close();
    }
  });

  it('stops with one message naming DATABASE_URL when the database is unreachable', async () => {
    await expect(
      startService({
        service: 'platform-test',
        modules: [],
        environment: {
          DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/db',
          PORT: '0',
          JWT_SECRET: SECRET,
          LOG_LEVEL: 'silent',
        },
      }),
    ).rejects.toThrow(/^DATABASE_URL=postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/db is unreachable/);
  });

  it('stops with one message naming KAFKA_BROKERS when no broker answers', async () => {
    await expect(
      startService({
        service: 'platform-test',
        modules: [],
        environment: {
          DATABASE_URL: db.url,
          PORT: '0',
          JWT_SECRET: SECRET,
          LOG_LEVEL: 'silent',
          KAFKA_BROKERS: '127.0.0.1:1',
        },
      }),
    ).rejects.toThrow(/^KAFKA_BROKERS=127\.0\.0\.1:1 is unreachable/);
  }, 60000);
});
