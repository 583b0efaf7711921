import { AuthUser } from '@ticketing/auth';

export class ReportPartCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly content: string,
  ) {}
}
