import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { InAppNotificationRepository } from '../../domain/in-app-notification.repository';
import { MarkReadCommand } from './mark-read.command';

/** Marks one of the caller's notifications read; another user's is not found, whoever asks. */
@CommandHandler(MarkReadCommand)
export class MarkReadHandler implements ICommandHandler<MarkReadCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: InAppNotificationRepository,
  ) {}

  execute(c: MarkReadCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const n = await this.notifications.findOwn(c.userId, c.notificationId);
      if (!n) throw notFound('notification', c.notificationId);
      if (n.markRead(new Date())) await this.notifications.save([n]);
    });
  }
}
