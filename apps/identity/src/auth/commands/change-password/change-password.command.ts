import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import { IsNewPassword } from '../../../shared/password.rules';

export class ChangePasswordCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) @MaxLength(256) readonly currentPassword!: string;
  @IsNewPassword('newPassword') readonly newPassword!: string;
}
