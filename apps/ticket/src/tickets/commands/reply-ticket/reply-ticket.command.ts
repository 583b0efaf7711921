import { AuthUser } from '@ticketing/auth';

export class ReplyTicketCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly message: string,
  ) {}
}
