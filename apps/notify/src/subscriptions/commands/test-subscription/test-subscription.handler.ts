import { Inject, Injectable } from '@nestjs/common';
import { newId } from '@ticketing/contracts';
import { ChannelSender } from '../../../channels/infrastructure/channel.sender';
import { emptyFacts, viewOf } from '../../../events/domain/event-view';
import { renderMessage } from '../../../messages/domain/message-templates';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { notFound } from '../../../shared/problems';
import { SubscriptionRepository } from '../../infrastructure/subscription.repository';
import { TestSubscriptionResponseDto } from './test-subscription.response.dto';

/**
 * Sends a sample message now, bypassing the queue, so whoever sets up a robot sees at once
 * whether the URL, key and signature are right. Nothing is recorded as a delivery.
 */
@Injectable()
export class TestSubscriptionHandler {
  constructor(
    private readonly repo: SubscriptionRepository,
    private readonly sender: ChannelSender,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async execute(id: string): Promise<TestSubscriptionResponseDto> {
    const sub = await this.repo.get(id);
    if (!sub) throw notFound('subscription', id);
    const eventId = newId();
    const occurredAt = new Date().toISOString();
    const facts = {
      ...emptyFacts('test'),
      number: 'CS-TEST-000000',
      title: sub.language === 'en' ? 'Test message' : '测试消息（请忽略）',
    };
    const view = viewOf(
      {
        id: eventId,
        type: 'notify.test',
        version: 1,
        occurredAt,
        aggregateId: 'test',
        aggregateVersion: 0,
        correlationId: eventId,
        causationId: null,
        actor: { id: 'system', role: 'system' },
        payload: {},
      },
      facts,
    );
    const message = {
      ...renderMessage(
        view,
        { department: () => null, enterprise: () => null },
        sub.language,
        this.settings.publicBaseUrl,
      ),
      title: sub.language === 'en' ? 'Test message from Chuishao' : '吹哨报到测试消息',
      summary:
        sub.language === 'en'
          ? `Subscription "${sub.name}" is set up correctly.`
          : `订阅“${sub.name}”配置成功，能正常接收通知。`,
      subject: sub.language === 'en' ? `[Chuishao] Test: ${sub.name}` : `[吹哨报到] 测试消息：${sub.name}`,
    };
    const started = Date.now();
    const outcome = await this.sender.send(sub, message, {
      deliveryId: newId(),
      eventId,
      eventType: 'notify.test',
      occurredAt,
    });
    return {
      delivered: outcome.ok,
      error: outcome.ok ? null : outcome.error,
      durationMs: Date.now() - started,
    };
  }
}
