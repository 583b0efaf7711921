import { AuthUser } from '@ticketing/auth';
import { Satisfaction } from '@ticketing/contracts';

export class GiveFeedbackCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly contacted: boolean,
    readonly solved: boolean,
    readonly satisfaction: Satisfaction,
    readonly comment: string | null,
  ) {}
}
