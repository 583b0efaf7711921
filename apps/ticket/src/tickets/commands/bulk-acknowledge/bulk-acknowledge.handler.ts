import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { BulkResultDto, eachItem } from '../../bulk';
import { AcknowledgeTicketCommand } from '../acknowledge-ticket/acknowledge-ticket.command';
import { AcknowledgeTicketHandler } from '../acknowledge-ticket/acknowledge-ticket.handler';
import { BulkAcknowledgeCommand } from './bulk-acknowledge.command';

/** Each ticket is acknowledged as if asked alone (its own unit of work, access and version checks). */
@CommandHandler(BulkAcknowledgeCommand)
export class BulkAcknowledgeHandler implements ICommandHandler<BulkAcknowledgeCommand, BulkResultDto> {
  constructor(
    private readonly one: AcknowledgeTicketHandler,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  execute(c: BulkAcknowledgeCommand): Promise<BulkResultDto> {
    return eachItem(
      c.items,
      (item) => this.one.execute(AcknowledgeTicketCommand.create({ user: c.user, ...item, note: c.note })),
      (err, item) => this.logger.error({ err, ticketId: item.ticketId }, 'bulk acknowledge: item failed'),
    );
  }
}
