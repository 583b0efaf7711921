import { Kafka } from 'kafkajs';
import { KafkaTransport } from './kafka.transport';

/** A kafkajs consumer as far as KafkaTransport uses it, whose crash the test can announce. */
class FakeConsumer {
  readonly events = { CRASH: 'consumer.crash' };
  running = false;
  runConfig: Record<string, unknown> = {};
  disconnected = false;
  private crashListener?: (e: { payload: { restart: boolean; error: Error } }) => void;
  on(event: string, listener: (e: { payload: { restart: boolean; error: Error } }) => void) {
    if (event === this.events.CRASH) this.crashListener = listener;
  }
  constructor(private readonly failures: { subscribe: number }) {}
  async connect() {}
  async subscribe() {
    if (this.failures.subscribe > 0) {
      this.failures.subscribe--;
      throw new Error('Closed connection');
    }
  }
  async run(config: Record<string, unknown>) {
    this.runConfig = config;
    this.running = true;
  }
  async disconnect() {
    this.running = false;
    this.disconnected = true;
  }
  crash(restart: boolean) {
    this.running = false;
    this.crashListener?.({ payload: { restart, error: new Error('The group is rebalancing') } });
  }
}

/** Start-up calls that fail (the broker away) that many times before they succeed. */
function fakeClient(failures = { subscribe: 0, listTopics: 0 }) {
  const consumers: FakeConsumer[] = [];
  const client = {
    consumer: () => {
      const c = new FakeConsumer(failures);
      consumers.push(c);
      return c;
    },
    producer: () => ({
      connect: async () => {},
      disconnect: async () => {},
      send: async () => {},
      sendBatch: async () => {},
    }),
    admin: () => ({
      connect: async () => {},
      disconnect: async () => {},
      describeCluster: async () => ({ brokers: [{ nodeId: 1 }] }),
      listTopics: async () => {
        if (failures.listTopics > 0) {
          failures.listTopics--;
          throw new Error('Closed connection');
        }
        return ['t', 't.dlq'];
      },
      createTopics: async () => true,
    }),
  } as unknown as Pick<Kafka, 'consumer' | 'producer' | 'admin'>;
  return { client, consumers };
}

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

describe('KafkaTransport consumers after a crash', () => {
  const subscribe = (transport: KafkaTransport) =>
    transport.subscribe({ groupId: 'ledger.ledger', topics: ['t'], handle: async () => {} });

  it('starts a consumer anew when kafkajs will not, and health says so until it runs', async () => {
    const { client, consumers } = fakeClient();
    const logged: string[] = [];
    const transport = new KafkaTransport({
      brokers: ['x:1'],
      clientId: 'c',
      client,
      log: (_, m) => logged.push(m),
    });
    const subscription = await subscribe(transport);
    expect(consumers).toHaveLength(1);

    consumers[0].crash(false);
    expect(await transport.health()).toEqual({ ok: false, detail: 'consumer not running: ledger.ledger' });
    expect(await until(() => consumers.length === 2 && consumers[1].running)).toBe(true);
    expect(consumers[0].disconnected).toBe(true);
    expect(await transport.health()).toMatchObject({ ok: true });
    expect(logged).toContain('consumer crashed and kafkajs will not restart it; starting it anew');
    await subscription.close();
  });

  it('leaves a crash kafkajs restarts itself to kafkajs, and a closed subscription alone', async () => {
    const { client, consumers } = fakeClient();
    const transport = new KafkaTransport({ brokers: ['x:1'], clientId: 'c', client });
    const subscription = await subscribe(transport);
    consumers[0].crash(true);
    await subscription.close();
    consumers[0].crash(false);
    await new Promise((r) => setTimeout(r, 1500));
    expect(consumers).toHaveLength(1);
    expect(await transport.health()).toMatchObject({ ok: true });
  });
});

describe('KafkaTransport fetching for a consumer group', () => {
  it('takes the partitions of a batching group at once (its lane), three at a time otherwise', async () => {
    const { client, consumers } = fakeClient();
    const transport = new KafkaTransport({ brokers: ['x:1'], clientId: 'c', client });
    const handle = async () => {};
    const handleBatch = async () => {};
    const subscriptions = [
      await transport.subscribe({ groupId: 'dispatch.routing', topics: ['t'], handle, handleBatch }),
      await transport.subscribe({ groupId: 'one.by.one', topics: ['t'], handle }),
      await transport.subscribe({ groupId: 'one.by.one.serial', topics: ['t'], handle, serial: true }),
    ];
    expect(consumers.map((c) => c.runConfig.partitionsConsumedConcurrently)).toEqual([64, 3, 1]);
    await Promise.all(subscriptions.map((s) => s.close()));
  });
});

describe('KafkaTransport starting while the broker is away', () => {
  const subscribe = (transport: KafkaTransport) =>
    transport.subscribe({ groupId: 'notify.tickets', topics: ['t'], handle: async () => {} });

  it('tries the start-up steps again until the broker answers, and drops a consumer half made', async () => {
    const failures = { subscribe: 2, listTopics: 2 };
    const { client, consumers } = fakeClient(failures);
    const logged: string[] = [];
    const transport = new KafkaTransport({
      brokers: ['x:1'],
      clientId: 'c',
      client,
      topics: ['t'],
      log: (_, m) => logged.push(m),
    });
    await transport.connect();
    expect(failures.listTopics).toBe(0);
    const subscription = await subscribe(transport);
    expect(consumers).toHaveLength(3);
    expect(consumers.map((c) => [c.running, c.disconnected])).toEqual([
      [false, true],
      [false, true],
      [true, false],
    ]);
    expect(await transport.health()).toMatchObject({ ok: true });
    expect(logged).toEqual([
      'kafka: creating topics failed; trying again',
      'kafka: creating topics failed; trying again',
      'kafka: starting consumer group notify.tickets failed; trying again',
      'kafka: starting consumer group notify.tickets failed; trying again',
    ]);
    await subscription.close();
  });

  it('gives up connectTimeoutMs after a step first failed, naming the brokers', async () => {
    const { client } = fakeClient({ subscribe: 100, listTopics: 0 });
    const transport = new KafkaTransport({ brokers: ['x:1'], clientId: 'c', client, connectTimeoutMs: 600 });
    await expect(subscribe(transport)).rejects.toMatchObject({
      name: 'KafkaUnreachableError',
      message: 'KAFKA_BROKERS=x:1 is unreachable: Closed connection',
    });
  });
});
