import { AuthUser } from '@ticketing/auth';

export class ResolveTicketCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly result: string,
    readonly evidenceAttachmentIds: string[],
  ) {}
}
