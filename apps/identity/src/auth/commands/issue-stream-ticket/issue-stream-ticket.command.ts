import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, Matches, MaxLength } from 'class-validator';
import { STREAM_PATH, STREAM_PATH_MAX_LENGTH } from './issue-stream-ticket.request.dto';

export class IssueStreamTicketCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @Matches(STREAM_PATH) @MaxLength(STREAM_PATH_MAX_LENGTH) readonly stream!: string;
}
