import { AuthUser } from '@ticketing/auth';

export class GetTicketQuery {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
  ) {}
}
