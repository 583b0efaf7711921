import { AuthUser } from '@ticketing/auth';

export class ReopenTicketCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly reason: string,
  ) {}
}
