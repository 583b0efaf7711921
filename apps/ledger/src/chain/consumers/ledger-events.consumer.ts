import { Injectable, OnModuleInit } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { Projector } from '../../projections/infrastructure/projector';
import { LedgerAppender } from '../infrastructure/ledger-appender';

/** Every topic, one consumer group: each event is appended to the chain and projected, in one transaction. */
export const LEDGER_TOPICS = [Topics.Ticket, Topics.Dispatch, Topics.Sla, Topics.Directory];

@Injectable()
export class LedgerEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly appender: LedgerAppender,
    private readonly projector: Projector,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ledger',
      topics: LEDGER_TOPICS,
      handle: async (event, manager) => {
        const entry = await this.appender.append(manager, topicOf(event.type), event);
        if (entry) await this.projector.project(manager, { ...entry, payload: entry.payload as Record<string, unknown> });
      },
    });
  }
}

/** The topic an event travelled on, from its type's context (the handler is not told the topic). */
export function topicOf(type: string): string {
  const context = type.split('.')[0];
  switch (context) {
    case 'ticket':
      return Topics.Ticket;
    case 'dispatch':
      return Topics.Dispatch;
    case 'sla':
      return Topics.Sla;
    case 'directory':
      return Topics.Directory;
    default:
      return `unknown:${context}`;
  }
}
