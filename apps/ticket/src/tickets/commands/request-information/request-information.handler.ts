import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestInformationCommand } from './request-information.command';

@CommandHandler(RequestInformationCommand)
export class RequestInformationHandler implements ICommandHandler<
  RequestInformationCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: RequestInformationCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'requestInformation', (t, actor, now) =>
      t.requestInformation(actor, { requestId: newId(), question: c.question }, now),
    );
  }
}
