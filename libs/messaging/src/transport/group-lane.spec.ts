import { GroupLane } from './group-lane';

/** A lane whose applications are recorded; `hold` keeps an application open until released. */
function recordingLane(max: number, fail: (messages: string[]) => boolean = () => false) {
  const applications: string[][] = [];
  let open = 0;
  let mostOpen = 0;
  let release: (() => void) | null = null;
  let held = false;
  const lane = new GroupLane<string>(async (messages) => {
    applications.push(messages);
    mostOpen = Math.max(mostOpen, ++open);
    try {
      if (held) await new Promise<void>((r) => (release = r));
      if (fail(messages)) throw new Error('one message in it is bad');
    } finally {
      open--;
    }
  }, max);
  return {
    lane,
    applications,
    mostOpen: () => mostOpen,
    hold: () => (held = true),
    release: () => {
      held = false;
      release?.();
    },
  };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('GroupLane (Kafka: the partition batches of a fetch applied together)', () => {
  it('applies the chunks added in one turn as one application, in the order they came', async () => {
    const { lane, applications } = recordingLane(100);
    const results = await Promise.all([
      lane.add(['p0:1', 'p0:2']),
      lane.add(['p1:1']),
      lane.add(['p2:1', 'p2:2']),
    ]);
    expect(results).toEqual([true, true, true]);
    expect(applications).toEqual([['p0:1', 'p0:2', 'p1:1', 'p2:1', 'p2:2']]);
  });

  it('takes whole chunks up to the largest batch, one application at a time, what is left next', async () => {
    const { lane, applications, mostOpen } = recordingLane(4);
    const results = await Promise.all([
      lane.add(['a1', 'a2', 'a3']),
      lane.add(['b1', 'b2']),
      lane.add(['c1']),
      lane.add(['d1', 'd2', 'd3', 'd4']),
    ]);
    expect(results).toEqual([true, true, true, true]);
    expect(applications).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'c1'],
      ['d1', 'd2', 'd3', 'd4'],
    ]);
    expect(mostOpen()).toBe(1);
  });

  it('gives what came during an application to the next one, together', async () => {
    const { lane, applications, hold, release } = recordingLane(100);
    hold();
    const first = lane.add(['a1', 'a2']);
    await turn();
    expect(applications).toEqual([['a1', 'a2']]);
    const later = [lane.add(['b1']), lane.add(['c1'])];
    await turn();
    expect(applications).toHaveLength(1); // the first is still open
    release();
    expect(await Promise.all([first, ...later])).toEqual([true, true, true]);
    expect(applications).toEqual([
      ['a1', 'a2'],
      ['b1', 'c1'],
    ]);
  });

  it('leaves a single message alone to its partition, unapplied', async () => {
    const { lane, applications } = recordingLane(100);
    expect(await lane.add(['only'])).toBe(false);
    expect(applications).toEqual([]);
  });

  it('answers false to every chunk of an application that failed, and goes on with the next', async () => {
    const { lane, applications } = recordingLane(3, (m) => m.includes('bad'));
    const results = await Promise.all([lane.add(['a1', 'bad']), lane.add(['b1']), lane.add(['c1', 'c2'])]);
    expect(results).toEqual([false, false, true]);
    expect(applications).toEqual([
      ['a1', 'bad', 'b1'],
      ['c1', 'c2'],
    ]);
  });
});
