import { AuthUser } from '@ticketing/auth';

export class AcknowledgeTicketCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly note: string | null,
  ) {}
}
