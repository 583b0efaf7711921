import { Alarm, ListeningLoop, LoopTurn } from './listening-loop';

/** No server here: the listener keeps failing to connect and retrying quietly; the loop's turns do not need it. */
const NOWHERE = 'postgres://nobody@127.0.0.1:1/none';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

const flush = () => new Promise((r) => setImmediate(r));

describe('Alarm', () => {
  it('compares moments on the clock it is given, not the system clock', async () => {
    const simulated = 1_000_000; // long past, as a simulation's clock is
    const alarm = new Alarm(() => simulated);
    await alarm.sleepUntil(simulated - 1); // due on its clock: no wait
    let woke = false;
    const sleeping = alarm.sleepUntil(simulated + 60_000).then(() => (woke = true));
    await flush();
    expect(woke).toBe(false); // on the system clock this moment is decades ago; on its own it is ahead
    alarm.wakeNow();
    await sleeping;
    expect(woke).toBe(true);
  });
});

describe('ListeningLoop.settle', () => {
  const loops: ListeningLoop[] = [];
  afterEach(async () => {
    await Promise.all(loops.splice(0).map((l) => l.stop()));
  });

  function loopOf(turn: () => Promise<LoopTurn>): ListeningLoop {
    const loop = new ListeningLoop({
      connectionString: NOWHERE,
      channels: ['spec_channel'],
      pollMs: 60_000,
      turn,
      onError: () => undefined,
    });
    loops.push(loop);
    return loop;
  }

  it('waits for a whole turn that started after it was asked, not the one under way', async () => {
    const gates = [deferred(), deferred()];
    let started = 0;
    const loop = loopOf(async () => {
      const gate = gates[started++];
      if (gate) await gate.promise;
      return 'idle';
    });
    loop.start();
    await flush();
    expect(started).toBe(1); // the first turn is under way, held at its gate

    let settled = false;
    const settling = loop.settle().then(() => (settled = true));
    gates[0].resolve(); // the turn that began before the call ends: not enough
    await flush();
    expect(settled).toBe(false);
    expect(started).toBe(2); // woken at once for the turn it waits for
    gates[1].resolve();
    await settling;
    expect(settled).toBe(true);
  });

  it('does not count a turn that found more to do at once', async () => {
    const turns: LoopTurn[] = ['again', 'again', 'idle'];
    let started = 0;
    const loop = loopOf(async () => {
      started++;
      return turns.shift() ?? 'idle';
    });
    loop.start();
    await ListeningLoop.settleAll();
    expect(started).toBeGreaterThanOrEqual(3);
    expect(turns).toEqual([]);
  });

  it('answers at once for a loop that is not running', async () => {
    const loop = loopOf(async () => 'idle');
    await expect(loop.settle()).resolves.toBeUndefined();
  });
});
