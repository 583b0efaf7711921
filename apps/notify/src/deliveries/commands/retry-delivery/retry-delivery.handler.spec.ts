import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { RenderedMessage } from '../../../messages/domain/message';
import { Subscription } from '../../../subscriptions/domain/subscription.aggregate';
import { InMemorySubscriptionRepository } from '../../../subscriptions/infrastructure/subscription.in-memory-repository';
import { Delivery } from '../../domain/delivery.aggregate';
import { InMemoryDeliveryRepository } from '../../infrastructure/delivery.in-memory-repository';
import { RetryDeliveryCommand } from './retry-delivery.command';
import { RetryDeliveryHandler } from './retry-delivery.handler';

const SUB = '0193a000-0000-7000-8000-0000000000a1';
const FAILED = '0193a000-0000-7000-8000-0000000000d1';
const PENDING = '0193a000-0000-7000-8000-0000000000d2';
const now = new Date('2026-03-02T01:00:00Z');
const policy = { maxAttempts: 2, baseMs: 10, capMs: 10 };
const message = { title: '红牌：已超时', ticketNumber: 'CS-2026-000001' } as RenderedMessage;

const queued = (id: string) =>
  Delivery.queue({
    id,
    subscription: { id: SUB, channel: 'dingtalk' },
    event: { id: `e-${id}`, type: 'sla.breached', occurredAt: now.toISOString() },
    ticketId: 't-1',
    message,
    now,
  });
const failed = () => {
  const d = queued(FAILED);
  for (let i = 0; i < policy.maxAttempts; i++) {
    d.attempt(now, 1000);
    d.failed('robot error 310000: sign not match', policy, now);
  }
  return d;
};
const subscription = () =>
  Subscription.create({
    id: SUB,
    definition: {
      name: '钉钉群',
      channel: 'dingtalk',
      events: ['sla.breached'],
      departmentIds: [],
      categories: [],
      gridIds: [],
      urgencies: [],
      url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      secret: 'SECsecret',
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

describe('RetryDeliveryHandler', () => {
  const setup = (subscriptions = new InMemorySubscriptionRepository([subscription()])) => {
    const uow = new InlineUnitOfWork();
    const deliveries = new InMemoryDeliveryRepository([failed(), queued(PENDING)]);
    return { uow, deliveries, handler: new RetryDeliveryHandler(uow, deliveries, subscriptions) };
  };

  it('gives a failed delivery a new round, due now, and wakes the senders', async () => {
    const { uow, deliveries, handler } = setup();
    const res = await handler.execute(RetryDeliveryCommand.create({ id: FAILED }));
    expect(uow.transactions).toBe(1);
    expect(res).toMatchObject({
      id: FAILED,
      subscriptionName: '钉钉群',
      status: 'pending',
      attempts: 0,
      title: '红牌：已超时',
      ticketNumber: 'CS-2026-000001',
      lastError: 'robot error 310000: sign not match',
    });
    expect(deliveries.rows.get(FAILED)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(deliveries.wakeUps).toBe(1);
  });

  it('refuses what is not failed with a 409 naming its status, and an unknown delivery with a 404', async () => {
    const { deliveries, handler } = setup();
    const refused = handler.execute(RetryDeliveryCommand.create({ id: PENDING }));
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict', details: { deliveryStatus: 'pending' } });
    expect(deliveries.wakeUps).toBe(0);
    await expect(
      handler.execute(RetryDeliveryCommand.create({ id: '0193a000-0000-7000-8000-0000000000ff' })),
    ).rejects.toMatchObject({ code: 'notFound' });
  });

  it('refuses a failed delivery whose subscription was deleted', async () => {
    const subscriptions = new InMemorySubscriptionRepository([subscription()]);
    const gone = (await subscriptions.lock(SUB))!;
    gone.delete(now);
    await subscriptions.save(gone);
    const { deliveries, handler } = setup(subscriptions);
    await expect(handler.execute(RetryDeliveryCommand.create({ id: FAILED }))).rejects.toMatchObject({
      code: 'conflict',
      message: `delivery ${FAILED} is failed; only a failed delivery of a live subscription can be retried`,
    });
    expect(deliveries.rows.get(FAILED)?.status).toBe('failed');
  });
});
