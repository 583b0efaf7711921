import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { BulkResultDto, eachItem } from '../../bulk';
import { SuperviseTicketCommand } from '../supervise-ticket/supervise-ticket.command';
import { SuperviseTicketHandler } from '../supervise-ticket/supervise-ticket.handler';
import { BulkSuperviseCommand } from './bulk-supervise.command';

/** Each ticket is supervised as if asked alone. */
@CommandHandler(BulkSuperviseCommand)
export class BulkSuperviseHandler implements ICommandHandler<BulkSuperviseCommand, BulkResultDto> {
  constructor(
    private readonly one: SuperviseTicketHandler,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  execute(c: BulkSuperviseCommand): Promise<BulkResultDto> {
    return eachItem(
      c.items,
      (item) =>
        this.one.execute(
          SuperviseTicketCommand.create({ user: c.user, ...item, level: c.level, note: c.note }),
        ),
      (err, item) => this.logger.error({ err, ticketId: item.ticketId }, 'bulk supervise: item failed'),
    );
  }
}
