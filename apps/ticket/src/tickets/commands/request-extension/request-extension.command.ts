import { AuthUser } from '@ticketing/auth';

export class RequestExtensionCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly reason: string,
    readonly proposedDueAt: Date,
  ) {}
}
