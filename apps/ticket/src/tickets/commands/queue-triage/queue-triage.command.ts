import { IsString } from 'class-validator';
import { SystemTicketCommand } from '../ticket-command';

/** dispatch.triage-needed: no rule matched; the committee's desk routes it by hand. */
export class QueueTriageCommand extends SystemTicketCommand {
  @IsString() readonly explanation!: string;
}
