import { AuthUser } from '@ticketing/auth';

export class InterimReplyCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly message: string,
  ) {}
}
