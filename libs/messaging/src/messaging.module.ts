import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventConsumers } from './event-consumers';
import { MessagingLifecycle } from './messaging-lifecycle';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import { MESSAGE_TRANSPORT, MessageTransport } from './transport/message-transport';

export type MessagingLog = (
  level: 'error' | 'warn' | 'info' | 'debug',
  message: string,
  extra?: Record<string, unknown>,
) => void;

/** Provided by the app shell: what messaging needs to know about the process. */
export const MESSAGING_RUNTIME = Symbol('MESSAGING_RUNTIME');
export interface MessagingRuntime {
  connectionString: string;
  consumerMaxAttempts: number;
  /** Batches in flight per relay with the local transport (Kafka: always one). */
  localBatchesInFlight: number;
  log: MessagingLog;
  /** One per application: consumers and relays start once it is initialised. */
  lifecycle?: MessagingLifecycle;
}

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumers,
    @Inject(MESSAGING_RUNTIME) private readonly runtime: MessagingRuntime,
  ) {}

  // The relay starts after every consumer of the process subscribed (MessagingLifecycle), so no
  // event is published into a group that is not listening yet.
  onApplicationBootstrap(): void {
    if (this.runtime.lifecycle) this.runtime.lifecycle.relayWhenStarted(() => this.relay.start());
    else this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.consumers.closeAll();
  }
}

/**
 * A service's messaging: its outbox writer, its relay (started with the app) and its consumers,
 * all on the service's own schema. The transport is shared by the process (see the app shell).
 */
@Module({})
export class MessagingModule {
  static forService(opts: { service: string; schema: string; relayBatchSize?: number }): DynamicModule {
    const dsToken = getDataSourceToken(opts.schema);
    return {
      module: MessagingModule,
      providers: [
        { provide: OutboxWriter, useValue: new OutboxWriter(opts.schema) },
        {
          provide: OutboxRelay,
          inject: [dsToken, MESSAGE_TRANSPORT, MESSAGING_RUNTIME],
          useFactory: (ds: DataSource, transport: MessageTransport, rt: MessagingRuntime) =>
            new OutboxRelay({
              schema: opts.schema,
              dataSource: ds,
              transport,
              connectionString: rt.connectionString,
              batchSize: opts.relayBatchSize,
              // In process, publishing waits until every group applied the batch: keep several in
              // flight so a slow group (the ledger, notify) does not hold up dispatch. Kafka acks fast.
              pipelineDepth: transport.kind === 'local' ? rt.localBatchesInFlight : 1,
              log: rt.log,
            }),
        },
        {
          provide: EventConsumers,
          inject: [dsToken, MESSAGE_TRANSPORT, MESSAGING_RUNTIME],
          useFactory: (ds: DataSource, transport: MessageTransport, rt: MessagingRuntime) =>
            new EventConsumers(
              opts.service,
              opts.schema,
              ds,
              transport,
              rt.consumerMaxAttempts,
              rt.lifecycle,
            ),
        },
        RelayLifecycle,
      ],
      exports: [OutboxWriter, OutboxRelay, EventConsumers],
    };
  }
}
