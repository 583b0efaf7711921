import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';

export class IssueResetLinkCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly userId!: string;
}
