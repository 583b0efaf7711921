import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';
import { IsNewPassword } from '../../../shared/password.rules';

export class ResetPasswordCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly userId!: string;
  @IsNewPassword('newPassword') readonly newPassword!: string;
}
