import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { TicketDeadlines } from '../../domain/ticket-deadlines';
import { RecordSlaClocksCommand } from './record-sla-clocks.command';

/** The facts in one unit of work (the consumer's inbox transaction), in as few statements as the repository can. */
@CommandHandler(RecordSlaClocksCommand)
export class RecordSlaClocksHandler implements ICommandHandler<RecordSlaClocksCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deadlines: TicketDeadlines,
  ) {}

  execute(c: RecordSlaClocksCommand): Promise<void> {
    // A timer without a deadline has nothing to show in the queue.
    const facts = c.clocks.filter((f) => f.change !== 'set' || f.dueAt);
    return this.uow.transaction(() => this.deadlines.record(facts));
  }
}
