import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { TicketDeadlines } from '../../domain/ticket-deadlines';
import { RecordSlaClockCommand } from './record-sla-clock.command';

@CommandHandler(RecordSlaClockCommand)
export class RecordSlaClockHandler implements ICommandHandler<RecordSlaClockCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deadlines: TicketDeadlines,
  ) {}

  execute(c: RecordSlaClockCommand): Promise<void> {
    return this.uow.transaction(async () => {
      switch (c.change) {
        case 'set':
          // A timer without a deadline has nothing to show in the queue.
          if (c.dueAt) await this.deadlines.deadlineSet(c.ticketId, c.kind, c.dueAt);
          return;
        case 'yellow':
        case 'red':
          return this.deadlines.flag(c.ticketId, c.kind, c.change, c.at);
        case 'paused':
          return this.deadlines.paused(c.ticketId, c.kind, c.reason ?? 'paused');
        case 'stopped':
          return this.deadlines.stopped(c.ticketId, c.kind);
      }
    });
  }
}
