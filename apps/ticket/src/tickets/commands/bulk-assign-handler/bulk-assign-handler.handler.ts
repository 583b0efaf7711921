import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { BulkResultDto, eachItem } from '../../bulk';
import { AssignHandlerCommand } from '../assign-handler/assign-handler.command';
import { AssignHandlerHandler } from '../assign-handler/assign-handler.handler';
import { BulkAssignHandlerCommand } from './bulk-assign-handler.command';

/** Each ticket gets its handler as if asked alone. */
@CommandHandler(BulkAssignHandlerCommand)
export class BulkAssignHandlerHandler implements ICommandHandler<BulkAssignHandlerCommand, BulkResultDto> {
  constructor(
    private readonly one: AssignHandlerHandler,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  execute(c: BulkAssignHandlerCommand): Promise<BulkResultDto> {
    return eachItem(
      c.items,
      (item) =>
        this.one.execute(
          AssignHandlerCommand.create({ user: c.user, ...item, handlerUserId: c.handlerUserId }),
        ),
      (err, item) => this.logger.error({ err, ticketId: item.ticketId }, 'bulk assign handler: item failed'),
    );
  }
}
