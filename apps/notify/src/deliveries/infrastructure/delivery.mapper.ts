import { RenderedMessage } from '../../messages/domain/message';
import { Channel } from '../../subscriptions/domain/subscription-definition';
import { Delivery, DeliveryStatus } from '../domain/delivery.aggregate';

/** A row of notify.deliveries. */
export interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  event_occurred_at: Date;
  ticket_id: string | null;
  channel: Channel;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  message: RenderedMessage;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export const DeliveryMapper = {
  toDomain(r: DeliveryRow): Delivery {
    return Delivery.restore({
      id: r.id,
      subscriptionId: r.subscription_id,
      eventId: r.event_id,
      eventType: r.event_type,
      eventOccurredAt: r.event_occurred_at,
      ticketId: r.ticket_id,
      channel: r.channel,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      message: r.message,
      lastError: r.last_error,
      lastAttemptAt: r.last_attempt_at,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
    });
  },
};
