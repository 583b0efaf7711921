import { Correlation } from '@ticketing/observability';
import { appliedInRounds, EventCause, inRounds, underCause } from './event-cause';

describe('inRounds', () => {
  const key = (e: string) => e.split(':')[0];

  it('puts each key once in a round, each key’s events in their order, the rest in delivery order', () => {
    expect(inRounds(['a:1', 'b:1', 'a:2', 'c:1', 'a:3', 'b:2'], key)).toEqual([
      ['a:1', 'b:1', 'c:1'],
      ['a:2', 'b:2'],
      ['a:3'],
    ]);
  });

  it('keeps a batch of distinct keys as one round, and an empty batch as none', () => {
    expect(inRounds(['a:1', 'b:1', 'c:1'], key)).toEqual([['a:1', 'b:1', 'c:1']]);
    expect(inRounds([], key)).toEqual([]);
  });
});

describe('underCause', () => {
  it('runs the work under the cause’s correlation, and under the ambient one without a cause', () => {
    const seen = () => [Correlation.id(), Correlation.causationId()];
    const cause = EventCause.of({ id: 'event-1', correlationId: 'request-1' });
    Correlation.run(
      'outer',
      () => {
        expect(underCause(cause, seen)).toEqual(['request-1', 'event-1']);
        expect(underCause(undefined, seen)).toEqual(['outer', 'batch']);
      },
      'batch',
    );
  });
});

describe('appliedInRounds', () => {
  it('applies a batch round by round and a single event as a round of one', async () => {
    const rounds: string[][] = [];
    const consumer = appliedInRounds<{ aggregateId: string; n: number }>(async (round) => {
      rounds.push(round.map((e) => `${e.aggregateId}${e.n}`));
    });
    await consumer.handleMany([
      { aggregateId: 'a', n: 1 },
      { aggregateId: 'b', n: 1 },
      { aggregateId: 'a', n: 2 },
    ]);
    await consumer.handle({ aggregateId: 'c', n: 1 });
    expect(rounds).toEqual([['a1', 'b1'], ['a2'], ['c1']]);
  });
});
