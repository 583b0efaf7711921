import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { notFound } from '@ticketing/platform';
import { ChannelSender } from '../../../channels/infrastructure/channel.sender';
import { DirectoryRepository } from '../../../directory/domain/directory.repository';
import { emptyFacts, viewOf } from '../../../events/domain/event-view';
import { renderMessage } from '../../../messages/domain/message-templates';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { mobileOf, SMS_KIND_NAMES } from '../../domain/sms-settings';
import { SubscriptionRepository } from '../../domain/subscription.repository';
import { TestSubscriptionCommand } from './test-subscription.command';
import { TestSubscriptionResponseDto } from './test-subscription.response.dto';

/**
 * Sends a sample message now, bypassing the queue, so whoever sets up a robot sees at once
 * whether the URL, key and signature are right. Nothing is recorded, so no unit of work is
 * opened (and no transaction waits on a receiver).
 */
@CommandHandler(TestSubscriptionCommand)
export class TestSubscriptionHandler implements ICommandHandler<
  TestSubscriptionCommand,
  TestSubscriptionResponseDto
> {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly sender: ChannelSender,
    private readonly directory: DirectoryRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async execute(c: TestSubscriptionCommand): Promise<TestSubscriptionResponseDto> {
    const sub = await this.subscriptions.get(c.id);
    if (!sub) throw notFound('subscription', c.id);
    const en = sub.language === 'en';
    const event = { id: newId(), type: 'notify.test', occurredAt: new Date().toISOString(), payload: {} };
    const facts = {
      ...emptyFacts('test'),
      number: 'CS-TEST-000000',
      title: en ? 'Test message' : '测试消息（请忽略）',
    };
    const names = { department: () => null, enterprise: () => null };
    const message = {
      ...renderMessage(viewOf(event, facts), names, sub.language, this.settings.publicBaseUrl),
      title: en ? 'Test message from Chuishao' : '吹哨报到测试消息',
      summary: en
        ? `Subscription "${sub.name}" is set up correctly.`
        : `订阅“${sub.name}”配置成功，能正常接收通知。`,
      subject: en ? `[Chuishao] Test: ${sub.name}` : `[吹哨报到] 测试消息：${sub.name}`,
    };
    if (sub.channel === 'sms') {
      // An SMS needs a phone: the test goes to the one who asked, with the first template set.
      const phone = mobileOf((await this.directory.user(c.requestedBy))?.mobile ?? null);
      const target = sub.target;
      const kind = SMS_KIND_NAMES.find((k) => target.sms?.templates[k]);
      if (!phone || !kind)
        return {
          delivered: false,
          error: !phone
            ? 'a test SMS goes to your own mobile number, and your user has none on record'
            : 'the subscription has no SMS template',
          durationMs: 0,
        };
      Object.assign(message, {
        sms: { phone, kind, params: { number: 'CS-TEST-000000', department: en ? 'Test' : '测试' } },
      });
    }
    const started = Date.now();
    const outcome = await this.sender.send(sub.target, message, {
      deliveryId: newId(),
      eventId: event.id,
      eventType: event.type,
      occurredAt: event.occurredAt,
    });
    return {
      delivered: outcome.ok,
      error: outcome.ok ? null : outcome.error,
      durationMs: Date.now() - started,
    };
  }
}
