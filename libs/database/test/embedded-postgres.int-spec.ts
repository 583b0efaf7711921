/**
 * The embedded PostgreSQL as the application reaches it (resolveDatabase): over its Unix socket in
 * the data directory, with TCP on 127.0.0.1 beside it for tools; still over the socket when a
 * later start adopts the running server; over TCP alone when the data directory is too deep for a
 * socket's path.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { RunningPostgres, startEmbeddedPostgres } from '../src';

const dataRoot = resolve(__dirname, '../../../.data');

/** How the server sees the connection: its client address (null over a Unix socket). */
async function clientAddress(url: string): Promise<string | null> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT client_addr::text AS addr FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
    );
    return rows[0].addr;
  } finally {
    await c.end();
  }
}

describe('embedded PostgreSQL: the Unix socket', () => {
  const started: RunningPostgres[] = [];
  const dirs: string[] = [];
  const start = async (dataDir: string) => {
    dirs.push(dataDir);
    const pg = await startEmbeddedPostgres({ dataDir, settings: { fsync: 'off' } });
    started.push(pg);
    return pg;
  };

  afterAll(async () => {
    for (const pg of started.reverse()) await pg.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answers on its Unix socket (localUrl) and on 127.0.0.1 (url); an adopting start keeps the socket', async () => {
    const pg = await start(join(dataRoot, `embedded-socket-${process.pid}`));
    expect(pg.localUrl('postgres')).toContain('?host=');
    expect(await clientAddress(pg.localUrl('postgres'))).toBeNull();
    expect(await clientAddress(pg.url('postgres'))).toBe('127.0.0.1/32');

    const again = await startEmbeddedPostgres({ dataDir: join(dataRoot, `embedded-socket-${process.pid}`) });
    expect(again.adopted).toBe(true);
    expect(again.port).toBe(pg.port);
    expect(await clientAddress(again.localUrl('postgres'))).toBeNull();
  }, 120000);

  it('uses TCP alone when the socket path would be too long', async () => {
    const pg = await start(join(dataRoot, `embedded-deep-${process.pid}-${'d'.repeat(90)}`));
    expect(pg.localUrl('postgres')).toBe(pg.url('postgres'));
    expect(await clientAddress(pg.localUrl('postgres'))).toBe('127.0.0.1/32');
  }, 120000);
});
