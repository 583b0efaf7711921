import { AuthUser } from '@ticketing/auth';

export class DecideExtensionCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly approved: boolean,
    readonly note: string | null,
    readonly newDueAt: Date | null,
  ) {}
}
