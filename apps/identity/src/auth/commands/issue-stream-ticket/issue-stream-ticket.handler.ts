import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TokenService } from '@ticketing/auth';
import { StreamTicketResponseDto } from './issue-stream-ticket.request.dto';
import { IssueStreamTicketCommand } from './issue-stream-ticket.command';

/**
 * A one-use ticket that opens one event stream for the caller, so that no token travels in a
 * URL. Signed like an access token (every service checks it without asking identity), it keeps
 * the issue time of the caller's token: a session ended since refuses the ticket too. Where it
 * was used is recorded by the service that takes it, not here: nothing is stored.
 */
@CommandHandler(IssueStreamTicketCommand)
export class IssueStreamTicketHandler implements ICommandHandler<
  IssueStreamTicketCommand,
  StreamTicketResponseDto
> {
  constructor(private readonly tokens: TokenService) {}

  async execute(c: IssueStreamTicketCommand): Promise<StreamTicketResponseDto> {
    const { ticket, expiresAt } = this.tokens.signStreamTicket(c.user, c.stream);
    return { ticket, expiresAt: expiresAt.toISOString() };
  }
}
