import { Kafka } from 'kafkajs';
import { KafkaTransport } from './kafka.transport';

/** A kafkajs consumer as far as KafkaTransport uses it, whose crash the test can announce. */
class FakeConsumer {
  readonly events = { CRASH: 'consumer.crash' };
  running = false;
  disconnected = false;
  private crashListener?: (e: { payload: { restart: boolean; error: Error } }) => void;
  on(event: string, listener: (e: { payload: { restart: boolean; error: Error } }) => void) {
    if (event === this.events.CRASH) this.crashListener = listener;
  }
  async connect() {}
  async subscribe() {}
  async run() {
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

function fakeClient() {
  const consumers: FakeConsumer[] = [];
  const client = {
    consumer: () => {
      const c = new FakeConsumer();
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
      listTopics: async () => ['t', 't.dlq'],
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
