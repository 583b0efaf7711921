import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EventEnvelope, newId, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { DirectoryStore } from '../../directory/infrastructure/directory.store';
import { audienceOf } from '../../inapp/domain/recipients';
import { renderMessage } from '../../messages/domain/message-templates';
import { NOTIFY_SETTINGS, NotifySettings } from '../../notify.env';
import { DELIVERIES_CHANNEL, INAPP_CHANNEL } from '../../shared/queryable';
import { matches } from '../../subscriptions/domain/subscription';
import { SubscriptionRepository } from '../../subscriptions/infrastructure/subscription.repository';
import { applyEvent, ticketIdOf, viewOf } from '../domain/event-view';
import { NOTIFY_EVENT_TYPES } from '../domain/notify-events';
import { TicketFactsStore } from '../infrastructure/ticket-facts.store';

/**
 * Turns ticket, dispatch and sla events into work, inside the inbox transaction and nothing
 * more: one delivery row per matching subscription and one in-app row per recipient. Sending is
 * the worker's job, so a receiver that is down never slows intake. The NOTIFYs fire at commit.
 */
@Injectable()
export class TicketActivityConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly subscriptions: SubscriptionRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ticket-activity',
      topics: [Topics.Ticket, Topics.Sla, Topics.Dispatch],
      handle: (event, manager) => this.apply(event, manager),
    });
  }

  async apply(event: EventEnvelope<Record<string, unknown>>, m: EntityManager): Promise<void> {
    const ticketId = ticketIdOf(event);
    if (!ticketId) return;
    const facts = applyEvent(await TicketFactsStore.lock(m, ticketId), event);
    await TicketFactsStore.save(m, facts);
    if (!NOTIFY_EVENT_TYPES.includes(event.type)) return;

    const view = viewOf(event, facts);
    const names = await DirectoryStore.names(
      m,
      view.departmentIds,
      facts.enterpriseId ? [facts.enterpriseId] : [],
    );

    const subs = (await this.subscriptions.forEvent(m, event.type)).filter((s) => matches(s, view));
    let queued = 0;
    for (const sub of subs) {
      const message = renderMessage(view, names, sub.language, this.settings.publicBaseUrl);
      const inserted: unknown[] = await m.query(
        `INSERT INTO notify.deliveries (id, subscription_id, event_id, event_type, event_occurred_at, ticket_id, channel, status, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8)
         ON CONFLICT ON CONSTRAINT deliveries_once_per_subscription DO NOTHING RETURNING id`,
        [
          newId(),
          sub.id,
          event.id,
          event.type,
          event.occurredAt,
          ticketId,
          sub.channel,
          JSON.stringify(message),
        ],
      );
      queued += inserted.length;
    }
    if (queued) await m.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, String(queued)]);

    const userIds = await DirectoryStore.userIds(m, audienceOf(view));
    if (!userIds.length) return;
    const zh = renderMessage(view, names, 'zh', this.settings.publicBaseUrl);
    const body = [zh.summary, ...zh.facts.map((f) => `${f.label}：${f.value}`)].join('\n');
    const rows: { user_id: string }[] = await m.query(
      `INSERT INTO notify.notifications (id, user_id, event_id, event_type, ticket_id, title, body, link)
       SELECT id, user_id, $3, $4, $5, $6, $7, $8 FROM unnest($1::uuid[], $2::text[]) AS u(id, user_id)
       ON CONFLICT ON CONSTRAINT notifications_once_per_user DO NOTHING RETURNING user_id`,
      [userIds.map(() => newId()), userIds, event.id, event.type, ticketId, zh.title, body, zh.link],
    );
    if (rows.length) {
      const payload = rows.map((r) => r.user_id).join(',');
      // NOTIFY payloads are capped near 8 kB; '*' asks every open stream to look.
      await m.query('SELECT pg_notify($1, $2)', [INAPP_CHANNEL, payload.length > 7000 ? '*' : payload]);
    }
  }
}
