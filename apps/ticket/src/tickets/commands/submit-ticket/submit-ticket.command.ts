import { AuthUser } from '@ticketing/auth';
import { SubmitTicketRequestDto } from './submit-ticket.request.dto';

export class SubmitTicketCommand {
  constructor(
    readonly user: AuthUser,
    readonly request: SubmitTicketRequestDto,
    /** Same key + same user = same ticket. */
    readonly idempotencyKey: string | null,
  ) {}
}
