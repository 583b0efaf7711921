import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { InAppNotificationRepository } from '../../domain/in-app-notification.repository';
import { MarkAllReadResponseDto } from '../../notification.response.dto';
import { MarkAllReadCommand } from './mark-all-read.command';

/** Marks every unread notification of the caller read, in one statement however many there are. */
@CommandHandler(MarkAllReadCommand)
export class MarkAllReadHandler implements ICommandHandler<MarkAllReadCommand, MarkAllReadResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: InAppNotificationRepository,
  ) {}

  execute(c: MarkAllReadCommand): Promise<MarkAllReadResponseDto> {
    return this.uow.transaction(async () => ({
      marked: await this.notifications.markAllRead(c.userId, new Date()),
    }));
  }
}
