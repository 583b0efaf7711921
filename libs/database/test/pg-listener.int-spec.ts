/**
 * PgListener on a real PostgreSQL: every listener of a process shares one LISTEN connection per
 * database; each hears only its own channels, is told when they are listened and when they were
 * lost, and a listener stopped hears nothing more.
 */
import { createTestDatabase, eventually } from '@ticketing/testing';
import { Pool } from 'pg';
import { LISTEN_APPLICATION_NAME, PgListener } from '../src';

interface Heard {
  notes: string[];
  connected: number;
  disconnected: number;
}

describe('PgListener on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let pool: Pool;
  const running: PgListener[] = [];

  const listen = (channels: string[]) => {
    const heard: Heard = { notes: [], connected: 0, disconnected: 0 };
    const l = new PgListener(
      url,
      channels,
      (channel, payload) => heard.notes.push(`${channel}:${payload}`),
      () => heard.connected++,
      () => heard.disconnected++,
    );
    l.start();
    running.push(l);
    return { l, heard };
  };
  const listenConnections = async () =>
    (
      await pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [LISTEN_APPLICATION_NAME],
      )
    ).rows[0].n as number;
  const notify = (channel: string, payload: string) =>
    pool.query('SELECT pg_notify($1, $2)', [channel, payload]);

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('listener'));
    pool = new Pool({ connectionString: url, max: 2 });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((l) => l.stop()));
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  it('listens for every listener over one connection, each hearing only its own channels', async () => {
    const a = listen(['ch_a']);
    const b = listen(['ch_b', 'ch_shared']);
    const c = listen(['ch_shared']);
    expect(await eventually(async () => [a, b, c].every((x) => x.heard.connected === 1), 10_000, 20)).toBe(
      true,
    );
    expect(await listenConnections()).toBe(1);

    await notify('ch_a', '1');
    await notify('ch_b', '2');
    await notify('ch_shared', '3');
    await notify('ch_nobody', '4');
    expect(
      await eventually(async () => c.heard.notes.length === 1 && b.heard.notes.length === 2, 5_000, 20),
    ).toBe(true);
    expect(a.heard.notes).toEqual(['ch_a:1']);
    expect(b.heard.notes).toEqual(['ch_b:2', 'ch_shared:3']);
    expect(c.heard.notes).toEqual(['ch_shared:3']);
  });

  it('tells a listener added to a live connection once its channel is listened: a notice sent then is heard', async () => {
    const first = listen(['ch_first']);
    expect(await eventually(async () => first.heard.connected === 1, 10_000, 20)).toBe(true);
    const heardAfterConnected: string[] = [];
    const late = new PgListener(
      url,
      ['ch_late'],
      (_c, payload) => heardAfterConnected.push(payload),
      () => void notify('ch_late', 'right after'),
    );
    late.start();
    running.push(late);
    expect(await eventually(async () => heardAfterConnected.length === 1, 5_000, 20)).toBe(true);
    expect(heardAfterConnected).toEqual(['right after']);
    expect(await listenConnections()).toBe(1);
  });

  it('tells every listener of a dropped connection, listens again after the reconnect, and hears again', async () => {
    const a = listen(['ch_a']);
    const b = listen(['ch_b']);
    expect(await eventually(async () => a.heard.connected === 1 && b.heard.connected === 1, 10_000, 20)).toBe(
      true,
    );
    await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [LISTEN_APPLICATION_NAME],
    );
    expect(
      await eventually(async () => a.heard.disconnected === 1 && b.heard.disconnected === 1, 5_000, 20),
    ).toBe(true);
    expect(await eventually(async () => a.heard.connected === 2 && b.heard.connected === 2, 10_000, 20)).toBe(
      true,
    );
    await notify('ch_a', 'again');
    await notify('ch_b', 'again');
    expect(
      await eventually(async () => a.heard.notes.length === 1 && b.heard.notes.length === 1, 5_000, 20),
    ).toBe(true);
    expect(await listenConnections()).toBe(1);
  });

  it('hears nothing for a stopped listener, keeps the others, and closes the connection with the last', async () => {
    const a = listen(['ch_a']);
    const b = listen(['ch_b', 'ch_a']);
    expect(await eventually(async () => a.heard.connected === 1 && b.heard.connected === 1, 10_000, 20)).toBe(
      true,
    );
    await b.l.stop();
    await notify('ch_a', 'x');
    await notify('ch_b', 'y');
    expect(await eventually(async () => a.heard.notes.length === 1, 5_000, 20)).toBe(true);
    // Give a stray delivery to b the time to arrive: it must not.
    await new Promise((r) => setTimeout(r, 300));
    expect(b.heard.notes).toEqual([]);
    expect(a.heard.notes).toEqual(['ch_a:x']);

    await a.l.stop();
    expect(await eventually(async () => (await listenConnections()) === 0, 5_000, 20)).toBe(true);
    // A new listener after the last one stopped opens the connection again.
    const c = listen(['ch_c']);
    expect(await eventually(async () => c.heard.connected === 1, 10_000, 20)).toBe(true);
    await notify('ch_c', 'z');
    expect(await eventually(async () => c.heard.notes.length === 1, 5_000, 20)).toBe(true);
  });
});
