import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';

export class ApproveRegistrationCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly registrationId!: string;
}
