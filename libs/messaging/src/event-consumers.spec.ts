import { createEnvelope, EventEnvelope } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';
import { DataSource, EntityManager } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { InboxProcessor } from './inbox/inbox.processor';
import { IncomingMessage, MessageTransport, SubscribeOptions } from './transport/message-transport';

type Event = EventEnvelope<Record<string, unknown>>;

/**
 * A DataSource whose transaction runs the callback against a fake manager: the inbox INSERT
 * answers with the ids not seen before, and a failing callback rolls the "seen" set back.
 */
function fakeDataSource() {
  const seen = new Set<string>();
  const manager = {
    query: async (_sql: string, params: unknown[]) => {
      const ids = params[1] as string[];
      return ids.filter((id) => !seen.has(id) && (seen.add(id), true)).map((event_id) => ({ event_id }));
    },
  } as unknown as EntityManager;
  const ds = {
    transaction: async <T>(fn: (m: EntityManager) => Promise<T>): Promise<T> => {
      const before = new Set(seen);
      try {
        return await fn(manager);
      } catch (e) {
        seen.clear();
        before.forEach((id) => seen.add(id));
        throw e;
      }
    },
  } as unknown as DataSource;
  return { ds, manager, seen };
}

let n = 0;
const event = (key: string, correlationId?: string): Event =>
  createEnvelope({
    type: 'ticket.test',
    aggregateId: key,
    aggregateVersion: ++n,
    correlationId,
    actor: { id: 'u', role: 'system' },
    payload: { n },
  });

const message = (e: Event): IncomingMessage => ({
  topic: 't',
  partition: 0,
  offset: String(n),
  key: e.aggregateId,
  value: JSON.stringify(e),
  headers: {},
});

describe('InboxProcessor.processBatch with a many-effect', () => {
  it('calls it once with the fresh events in order, duplicates (seen or repeated) dropped, and never the one-by-one effect', async () => {
    const { ds } = fakeDataSource();
    const inbox = new InboxProcessor(ds, 's', 'c');
    const [a, b, c, d] = [event('k1'), event('k2'), event('k1'), event('k3')];
    expect(await inbox.process('t', a, async () => undefined)).toBe(true);
    const calls: string[][] = [];
    const single = jest.fn();
    const applied = await inbox.processBatch(
      [a, b, c, b, d].map((e) => ({ topic: 't', event: e })),
      single,
      async (events) => {
        calls.push(events.map((e) => e.id));
      },
    );
    expect(applied).toBe(3);
    expect(calls).toEqual([[b.id, c.id, d.id]]);
    expect(single).not.toHaveBeenCalled();
  });

  it('does not call it when every event was seen before', async () => {
    const { ds } = fakeDataSource();
    const inbox = new InboxProcessor(ds, 's', 'c');
    const a = event('k');
    await inbox.process('t', a, async () => undefined);
    const many = jest.fn();
    expect(await inbox.processBatch([{ topic: 't', event: a }], jest.fn(), many)).toBe(0);
    expect(many).not.toHaveBeenCalled();
  });

  it('is all or nothing: when it throws, no event is marked seen, and a retry applies them all', async () => {
    const { ds, seen } = fakeDataSource();
    const inbox = new InboxProcessor(ds, 's', 'c');
    const items = [event('k1'), event('k2')].map((e) => ({ topic: 't', event: e }));
    await expect(
      inbox.processBatch(items, jest.fn(), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(seen.size).toBe(0);
    const got: string[] = [];
    expect(
      await inbox.processBatch(items, jest.fn(), async (events) => void got.push(...events.map((e) => e.id))),
    ).toBe(2);
    expect(got).toEqual(items.map((i) => i.event.id));
  });
});

describe('EventConsumers with handleMany', () => {
  async function register(def: {
    handle: jest.Mock;
    handleMany?: jest.Mock;
    decode?: (e: EventEnvelope<unknown>) => Event | null;
  }): Promise<SubscribeOptions> {
    const { ds } = fakeDataSource();
    let options!: SubscribeOptions;
    const transport = {
      subscribe: async (o: SubscribeOptions) => {
        options = o;
        return { close: async () => undefined };
      },
    } as unknown as MessageTransport;
    await new EventConsumers('svc', 's', ds, transport, 3).register<Event>({
      name: 'c',
      topics: ['t'],
      decode: (e) => e as Event,
      ...def,
    });
    return options;
  }

  it('hands a chunk to handleMany once, fresh events in order, under the first fresh event\u2019s correlation id', async () => {
    const contexts: (string | undefined)[][] = [];
    const handleMany = jest.fn(async (events: Event[]) => {
      contexts.push([Correlation.id(), Correlation.causationId()]);
      return void events;
    });
    const handle = jest.fn(async () => undefined);
    const options = await register({ handle, handleMany });
    const [a, b, c] = [event('k1', 'corr-a'), event('k2', 'corr-b'), event('k1', 'corr-c')];
    await options.handle(message(a));
    await options.handleBatch!([a, b, a, c].map(message));
    expect(handle).toHaveBeenCalledTimes(1); // the single message
    expect(handleMany).toHaveBeenCalledTimes(1);
    expect((handleMany.mock.calls[0][0] as Event[]).map((e) => e.id)).toEqual([b.id, c.id]);
    expect(contexts).toEqual([['corr-b', b.id]]);
  });

  it('keeps handle, each under its own correlation id, for consumers without handleMany', async () => {
    const contexts: (string | undefined)[] = [];
    const handle = jest.fn(async () => void contexts.push(Correlation.id()));
    const options = await register({ handle });
    await options.handleBatch!([event('k1', 'x'), event('k2', 'y')].map(message));
    expect(handle).toHaveBeenCalledTimes(2);
    expect(contexts).toEqual(['x', 'y']);
  });
});

describe('EventConsumers with the event catalogue (the default decoding)', () => {
  async function register(handle: jest.Mock): Promise<SubscribeOptions> {
    const { ds } = fakeDataSource();
    let options!: SubscribeOptions;
    const transport = {
      subscribe: async (o: SubscribeOptions) => {
        options = o;
        return { close: async () => undefined };
      },
    } as unknown as MessageTransport;
    await new EventConsumers('svc', 's', ds, transport, 3).register({ name: 'c', topics: ['t'], handle });
    return options;
  }
  const acknowledged = (payload: Record<string, unknown>) =>
    createEnvelope({
      type: 'ticket.acknowledged',
      aggregateId: 'tk',
      aggregateVersion: 3,
      actor: { id: 'u', role: 'department' },
      payload,
    });
  const valid = {
    ticketId: 'tk',
    number: 'CS-2026-000001',
    status: 'in_progress',
    enterpriseId: 'e1',
    category: 'utilities',
    urgency: 'normal',
    gridId: null,
    leadDepartmentId: 'd1',
    coHandlerDepartmentIds: [],
    departmentId: 'd1',
    reason: '',
  };

  it('hands a known event whose payload fits its class to the handler', async () => {
    const handle = jest.fn(async () => undefined);
    const options = await register(handle);
    await options.handle(message(acknowledged(valid)));
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('refuses a known event whose payload breaks its class as permanent (dead-lettered at once)', async () => {
    const handle = jest.fn(async () => undefined);
    const options = await register(handle);
    const broken = { ...valid, ticketId: undefined, urgency: 'whenever' };
    const error = await options.handle(message(acknowledged(broken))).catch((e: unknown) => e);
    expect(options.isPermanent!(error as Error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/payload\.ticketId/);
    expect(String((error as Error).message)).toMatch(/payload\.urgency/);
    expect(handle).not.toHaveBeenCalled();
  });

  it('skips the types a consumer does not name before the inbox: no handler, no transaction', async () => {
    const { ds } = fakeDataSource();
    const transactions = jest.spyOn(ds, 'transaction');
    let options!: SubscribeOptions;
    const transport = {
      subscribe: async (o: SubscribeOptions) => {
        options = o;
        return { close: async () => undefined };
      },
    } as unknown as MessageTransport;
    const handle = jest.fn(async () => undefined);
    await new EventConsumers('svc', 's', ds, transport, 3).register({
      name: 'c',
      topics: ['t'],
      types: ['ticket.assigned'],
      handle,
    });
    await options.handle(message(acknowledged(valid)));
    await options.handleBatch!([message(acknowledged(valid)), message(acknowledged(valid))]);
    expect(handle).not.toHaveBeenCalled();
    expect(transactions).not.toHaveBeenCalled();
    // A named type still goes through the inbox to the handler.
    await new EventConsumers('svc', 's', ds, transport, 3).register({
      name: 'd',
      topics: ['t'],
      types: ['ticket.acknowledged'],
      handle,
    });
    await options.handle(message(acknowledged(valid)));
    expect(handle).toHaveBeenCalledTimes(1);
    expect(transactions).toHaveBeenCalledTimes(1);
  });

  it('skips types this build does not know, one by one and in batches', async () => {
    const handle = jest.fn(async () => undefined);
    const options = await register(handle);
    await options.handle(message(event('k')));
    await options.handleBatch!([event('k1'), event('k2')].map(message));
    expect(handle).not.toHaveBeenCalled();
  });
});

describe('EventConsumers decode a delivered message once for every group', () => {
  it('gives every group the same checked, frozen event; a group that tries to change it throws and the next group still gets it unchanged', async () => {
    const groups: SubscribeOptions[] = [];
    const transport = {
      subscribe: async (o: SubscribeOptions) => {
        groups.push(o);
        return { close: async () => undefined };
      },
    } as unknown as MessageTransport;
    // One service each (the fake inbox does not tell consumers apart), one transport for all.
    const consumers = () => new EventConsumers('svc', 's', fakeDataSource().ds, transport, 3);
    const seen: unknown[] = [];
    const mutating = jest.fn(async (e: unknown) => {
      (e as Event).payload.status = 'changed';
    });
    const reading = jest.fn(async (e: unknown) => void seen.push(e));
    await consumers().register({ name: 'a', topics: ['t'], handle: mutating });
    await consumers().register({ name: 'b', topics: ['t'], handle: reading });
    await consumers().register({ name: 'c', topics: ['t'], handle: reading });
    const e = createEnvelope({
      type: 'ticket.acknowledged',
      aggregateId: 'tk',
      aggregateVersion: 3,
      actor: { id: 'u', role: 'department' },
      payload: {
        ticketId: 'tk',
        number: 'CS-2026-000001',
        status: 'in_progress',
        enterpriseId: 'e1',
        category: 'utilities',
        urgency: 'normal',
        gridId: null,
        leadDepartmentId: 'd1',
        coHandlerDepartmentIds: [],
        departmentId: 'd1',
        reason: '',
      },
    });
    const m = message(e); // one object, as the in-process transport hands it to every group
    await expect(groups[0].handle(m)).rejects.toThrow(TypeError);
    await groups[1].handle(m);
    await groups[2].handle(m);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(Object.isFrozen((seen[0] as Event).payload)).toBe(true);
    expect((seen[0] as Event).payload.status).toBe('in_progress');
    // A copy of the message (Kafka: each group its own) is decoded on its own.
    await consumers().register({ name: 'd', topics: ['t'], handle: reading });
    await groups[3].handle({ ...m });
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });
});
