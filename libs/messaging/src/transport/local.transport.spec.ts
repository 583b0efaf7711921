import { IncomingMessage } from './message-transport';
import { LocalTransport } from './local.transport';

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const msg = (key: string, n: number) => ({ topic: 't', key, value: JSON.stringify({ key, n }) });

describe('LocalTransport', () => {
  it('keeps per-key order and resolves publish only once every group has applied', async () => {
    const t = new LocalTransport({ lanes: 4 });
    const seen: Record<string, number[]> = {};
    const slowSeen: number[] = [];
    await t.subscribe({
      groupId: 'fast',
      topics: ['t'],
      handle: async (m) => {
        const { key, n } = JSON.parse(m.value);
        (seen[key] ??= []).push(n);
      },
    });
    await t.subscribe({
      groupId: 'slow',
      topics: ['t'],
      handle: async (m) => {
        await new Promise((r) => setTimeout(r, 1));
        slowSeen.push(JSON.parse(m.value).n);
      },
    });
    const batch = [];
    for (let n = 1; n <= 30; n++) for (const key of ['a', 'b', 'c']) batch.push(msg(key, n));
    await t.publish(batch);
    for (const key of ['a', 'b', 'c']) expect(seen[key]).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(slowSeen).toHaveLength(90); // publish waited for the slow group too
  });

  it('waits out an infrastructure outage however long, without dead-lettering', async () => {
    const dead: string[] = [];
    const t = new LocalTransport({ onDeadLetter: (m) => dead.push(m.key) });
    let calls = 0;
    await t.subscribe({
      groupId: 'g',
      topics: ['t'],
      maxAttempts: 2,
      handle: async () => {
        if (++calls <= 6) throw refused();
      },
    });
    await t.publish([msg('k', 1)]);
    expect(calls).toBe(7);
    expect(dead).toEqual([]);
  }, 60_000);

  it('dead-letters a message that keeps failing on its own, after the configured attempts, and goes on', async () => {
    const dead: IncomingMessage[] = [];
    const t = new LocalTransport({ retryBaseMs: 1, retryCapMs: 2 });
    await t.subscribe({ groupId: 'dlq', topics: ['t.dlq'], handle: async (m) => void dead.push(m) });
    const applied: number[] = [];
    await t.subscribe({
      groupId: 'g',
      topics: ['t'],
      maxAttempts: 3,
      handle: async (m) => {
        const { n } = JSON.parse(m.value);
        if (n === 2) throw new Error('bad message');
        applied.push(n);
      },
    });
    await t.publish([msg('k', 1), msg('k', 2), msg('k', 3)]);
    expect(applied).toEqual([1, 3]);
    expect(dead).toHaveLength(1);
    expect(dead[0].headers['x-dlq-attempts']).toBe('3');
    expect(dead[0].headers['x-dlq-error']).toBe('Error: bad message');
  });

  it('applies queued messages through handleBatch, and one at a time when a batch fails', async () => {
    const t = new LocalTransport({ lanes: 1, retryBaseMs: 1, retryCapMs: 2 });
    const batches: number[][] = [];
    const single: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await t.subscribe({
      groupId: 'g',
      topics: ['t'],
      maxAttempts: 1,
      handle: async (m) => {
        const { n } = JSON.parse(m.value);
        if (n === 1) await gate; // holds the lane so the rest queue up behind it
        if (n === 5) throw new Error('poison');
        single.push(n);
      },
      handleBatch: async (ms) => {
        const ns = ms.map((m) => JSON.parse(m.value).n as number);
        if (ns.includes(5)) throw new Error('batch holds poison');
        batches.push(ns);
      },
    });
    const first = t.publish([msg('k', 1)]);
    const rest = t.publish([2, 3, 4, 5, 6].map((n) => msg('k', n)));
    release();
    await Promise.all([first, rest]);
    expect(single).toEqual([1, 2, 3, 4, 6]); // the failed batch was retried one by one; 5 dead-lettered
    expect(batches).toEqual([]);
  });

  it('refuses a publish whose consumer closed during an outage, so the relay keeps the events', async () => {
    const t = new LocalTransport();
    const sub = await t.subscribe({
      groupId: 'g',
      topics: ['t'],
      handle: async () => {
        throw refused();
      },
    });
    const publishing = t.publish([msg('k', 1)]);
    await new Promise((r) => setTimeout(r, 50));
    await sub.close();
    await expect(publishing).rejects.toThrow(/stay in the outbox/);
  });

  it('hands one publish\u2019s messages for a lane to the group as one batch, each key in order, each message once', async () => {
    const t = new LocalTransport(); // the default lanes
    const batches: number[] = [];
    const seen: Record<string, number[]> = {};
    const apply = (m: IncomingMessage) => {
      const { key, n } = JSON.parse(m.value);
      (seen[key] ??= []).push(n);
    };
    await t.subscribe({
      groupId: 'g',
      topics: ['t'],
      handle: async (m) => apply(m),
      handleBatch: async (ms) => {
        batches.push(ms.length);
        ms.forEach(apply);
      },
    });
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const batch = [];
    for (let n = 1; n <= 5; n++) for (const key of keys) batch.push(msg(key, n));
    await t.publish(batch);
    for (const key of keys) expect(seen[key]).toEqual([1, 2, 3, 4, 5]);
    // 60 messages over the default lanes: one batch per lane used, none delivered alone first.
    expect(batches.reduce((a, b) => a + b, 0)).toBe(60);
    expect(batches.length).toBeLessThanOrEqual(4);
  });

  it('gives a serial group one lane: one batch at a time, every key in publish order, while others run by key', async () => {
    const t = new LocalTransport({ lanes: 4 });
    const serial: string[][] = [];
    const parallel: number[] = [];
    let running = 0;
    let overlap = 0;
    await t.subscribe({
      groupId: 'chain',
      topics: ['t'],
      serial: true,
      handle: async (m) => {
        serial.push([JSON.parse(m.value).key]);
      },
      handleBatch: async (ms) => {
        overlap = Math.max(overlap, ++running);
        await new Promise((r) => setTimeout(r, 5));
        serial.push(ms.map((m) => `${JSON.parse(m.value).key}:${JSON.parse(m.value).n}`));
        running--;
      },
    });
    await t.subscribe({
      groupId: 'copies',
      topics: ['t'],
      handle: async () => undefined,
      handleBatch: async (ms) => {
        parallel.push(ms.length);
      },
    });
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const first = keys.map((k) => msg(k, 1));
    const second = keys.map((k) => msg(k, 2));
    await Promise.all([t.publish(first), t.publish(second)]);
    // Both publishes queued on the one lane: never two batches at once, fuller batches, publish order.
    expect(overlap).toBe(1);
    expect(serial.length).toBeLessThanOrEqual(2);
    expect(serial.flat()).toEqual([...keys.map((k) => `${k}:1`), ...keys.map((k) => `${k}:2`)]);
    // The other group still spreads the same keys over its lanes.
    expect(parallel.length).toBeGreaterThan(2);
  });

  it('lets a lingering group gather publishes that follow within its linger into one batch, in order', async () => {
    // The clock is Jest's: the publishes come 10 ms apart within the 60 ms linger however busy the
    // machine is (on real timers a loaded CI machine stretched the 10 ms past the linger).
    jest.useFakeTimers();
    try {
      await lingerGathers();
    } finally {
      jest.useRealTimers();
    }
  });

  async function lingerGathers(): Promise<void> {
    const t = new LocalTransport({ lanes: 4 });
    const lingering: string[][] = [];
    const prompt: string[][] = [];
    const record = (into: string[][]) => async (ms: IncomingMessage[]) => {
      into.push(ms.map((m) => `${JSON.parse(m.value).key}:${JSON.parse(m.value).n}`));
    };
    const single = (into: string[][]) => async (m: IncomingMessage) => record(into)([m]);
    await t.subscribe({
      groupId: 'copies',
      topics: ['t'],
      serial: true,
      lingerMs: 60,
      handle: single(lingering),
      handleBatch: record(lingering),
    });
    await t.subscribe({
      groupId: 'routing',
      topics: ['t'],
      handle: single(prompt),
      handleBatch: record(prompt),
    });
    const published: Promise<void>[] = [];
    for (let n = 1; n <= 3; n++) {
      published.push(t.publish([msg('k1', n), msg('k2', n)]));
      await jest.advanceTimersByTimeAsync(10);
    }
    // The group without a linger has applied each publish already; the lingering one has not started.
    expect(prompt.flat()).toHaveLength(6);
    expect(lingering).toEqual([]);
    await jest.advanceTimersByTimeAsync(60);
    await Promise.all(published);
    // One transaction's worth for the three publishes, in publish order.
    expect(lingering).toEqual([['k1:1', 'k2:1', 'k1:2', 'k2:2', 'k1:3', 'k2:3']]);
    expect(prompt.length).toBeGreaterThanOrEqual(3);
  }
});
