import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { Projector } from '../../projections/infrastructure/projector';
import { LedgerAppender } from '../infrastructure/ledger-appender';

/**
 * Every topic, one consumer group: events are appended to the chain and projected in the inbox's
 * transaction. A delivered chunk (up to 100 events) goes through at once: one chain-head lock,
 * one INSERT of its entries, one head update, one load and one save of its tickets' facts. A
 * single event (or the one-by-one retry after a failed chunk) takes the same path as a chunk of one.
 */
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
      handle: (event, manager) => this.apply([event], manager),
      handleMany: (events, manager) => this.apply(events, manager),
    });
  }

  private async apply(events: EventEnvelope<Record<string, unknown>>[], manager: EntityManager): Promise<void> {
    const entries = await this.appender.appendMany(manager, events.map((event) => ({ topic: topicOf(event.type), event })));
    await this.projector.projectMany(manager, entries.map((e) => ({ ...e, payload: e.payload as Record<string, unknown> })));
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
