import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDeliveryRepository } from '../../../deliveries/infrastructure/delivery.in-memory-repository';
import { Delivery } from '../../../deliveries/domain/delivery.aggregate';
import { RenderedMessage } from '../../../messages/domain/message';
import { Subscription } from '../../domain/subscription.aggregate';
import { InMemorySubscriptionRepository } from '../../infrastructure/subscription.in-memory-repository';
import { DeleteSubscriptionCommand } from './delete-subscription.command';
import { DeleteSubscriptionHandler } from './delete-subscription.handler';

const ID = '0193a000-0000-7000-8000-0000000000a1';
const OTHER = '0193a000-0000-7000-8000-0000000000a2';
const now = new Date('2026-03-02T01:00:00Z');
const subscription = (id: string) =>
  Subscription.create({
    id,
    definition: {
      name: id,
      channel: 'wecom',
      events: ['ticket.assigned'],
      departmentIds: [],
      categories: [],
      gridIds: [],
      urgencies: [],
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      secret: null,
      msgtype: 'markdown',
      mentionMobiles: [],
      mentionAll: false,
      recipients: [],
      sms: null,
      language: 'zh',
      enabled: true,
    },
    createdBy: 'u-admin',
    now,
  });
const message = { title: '新诉求待签收' } as RenderedMessage;
const delivery = (id: string, subscriptionId: string, eventId: string) =>
  Delivery.queue({
    id,
    subscription: { id: subscriptionId, channel: 'wecom' },
    event: { id: eventId, type: 'ticket.assigned', occurredAt: now.toISOString() },
    ticketId: 't-1',
    message,
    now,
  });

describe('DeleteSubscriptionHandler', () => {
  it('deletes softly and cancels what was waiting to be sent to it, in one unit of work', async () => {
    const uow = new InlineUnitOfWork();
    const subscriptions = new InMemorySubscriptionRepository([subscription(ID), subscription(OTHER)]);
    const sent = delivery('d-sent', ID, 'e-0');
    sent.attempt(now, 1000);
    sent.succeeded(now);
    const deliveries = new InMemoryDeliveryRepository([
      delivery('d-1', ID, 'e-1'),
      sent,
      delivery('d-other', OTHER, 'e-1'),
    ]);
    await new DeleteSubscriptionHandler(uow, subscriptions, deliveries).execute(
      DeleteSubscriptionCommand.create({ id: ID }),
    );
    expect(uow.transactions).toBe(1);
    expect(subscriptions.rows.get(ID)).toMatchObject({ enabled: false, deletedAt: expect.any(Date) });
    expect(await subscriptions.get(ID)).toBeNull();
    expect(deliveries.rows.get('d-1')).toMatchObject({
      status: 'cancelled',
      lastError: 'subscription deleted',
    });
    expect(deliveries.rows.get('d-sent')?.status).toBe('delivered');
    expect(deliveries.rows.get('d-other')?.status).toBe('pending');
  });

  it('answers 404 for a subscription that is not there (or already deleted)', async () => {
    const uow = new InlineUnitOfWork();
    const subscriptions = new InMemorySubscriptionRepository([subscription(ID)]);
    const handler = new DeleteSubscriptionHandler(uow, subscriptions, new InMemoryDeliveryRepository());
    await handler.execute(DeleteSubscriptionCommand.create({ id: ID }));
    await expect(handler.execute(DeleteSubscriptionCommand.create({ id: ID }))).rejects.toMatchObject({
      code: 'notFound',
      message: `subscription ${ID} does not exist`,
    });
  });
});
