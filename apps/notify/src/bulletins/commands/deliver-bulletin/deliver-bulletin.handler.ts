import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { Delivery } from '../../../deliveries/domain/delivery.aggregate';
import { DeliveryRepository } from '../../../deliveries/domain/delivery.repository';
import { DirectoryRepository } from '../../../directory/domain/directory.repository';
import { InAppNotification } from '../../../inapp/domain/in-app-notification.aggregate';
import { InAppNotificationRepository } from '../../../inapp/domain/in-app-notification.repository';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { SubscriptionRepository } from '../../../subscriptions/domain/subscription.repository';
import { bulletinReaches, renderBulletin } from '../../domain/bulletin-message';
import { DeliverBulletinCommand } from './deliver-bulletin.command';

/**
 * Turns a published bulletin (工作通报) into work, inside the event's inbox transaction: one
 * delivery per subscription that chose the bulletin (group robots, webhooks, e-mail; never SMS),
 * and one in-app notification per active user of every department it goes to. The committee that
 * published it is not told of its own act (it has the bulletin on its 工作通报 page). Sending is the
 * worker's job; the inbox and the once-per-subscription / once-per-user constraints make a
 * redelivered event add nothing.
 */
@CommandHandler(DeliverBulletinCommand)
export class DeliverBulletinHandler implements ICommandHandler<DeliverBulletinCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: DirectoryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly notifications: InAppNotificationRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  execute(c: DeliverBulletinCommand): Promise<void> {
    const { event } = c;
    const bulletin = event.payload;
    const base = this.settings.publicBaseUrl;
    return this.uow.transaction(async () => {
      const now = Clock.now();
      const matching = (await this.subscriptions.forEvent(event.type)).filter((s) =>
        bulletinReaches(s.snapshot(), bulletin),
      );
      await this.deliveries.save(
        matching.map((sub) =>
          Delivery.queue({
            id: newId(),
            subscription: { id: sub.id, channel: sub.channel },
            event: { id: event.id, type: event.type, occurredAt: event.occurredAt },
            ticketId: null,
            message: renderBulletin(bulletin, sub.language, base),
            now,
          }),
        ),
      );

      const readers = await this.directory.usersIn({
        departmentIds: [...bulletin.departmentIds],
        enterpriseIds: [],
        roles: [],
      });
      if (!readers.length) return;
      const zh = renderBulletin(bulletin, 'zh', base);
      const body = [zh.summary, ...zh.facts.map((f) => `${f.label}：${f.value}`)].join('\n');
      await this.notifications.save(
        readers
          .filter((u) => u.role === 'department')
          .map((u) =>
            InAppNotification.create({
              id: newId(),
              userId: u.id,
              eventId: event.id,
              eventType: event.type,
              ticketId: null,
              title: zh.title,
              body,
              link: zh.link,
              now,
            }),
          ),
      );
    });
  }
}
