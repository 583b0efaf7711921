import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ReportPartCommand } from './report-part.command';

@CommandHandler(ReportPartCommand)
export class ReportPartHandler implements ICommandHandler<ReportPartCommand, TicketChangedResponseDto> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: ReportPartCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'reportPart', (t, actor, now) =>
      t.reportPart(actor, c.user.departmentId!, c.content, now),
    );
  }
}
