import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestTransferCommand } from './request-transfer.command';

@CommandHandler(RequestTransferCommand)
export class RequestTransferHandler implements ICommandHandler<
  RequestTransferCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: RequestTransferCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'requestTransfer', (t, actor, now) =>
      t.requestTransfer(actor, c.reason, now),
    );
  }
}
