import { Command } from '@ticketing/platform';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsNewPassword } from '../../../shared/password.rules';

/** From the public reset page: the token is the only proof of who is asking. */
export class RedeemResetLinkCommand extends Command {
  @IsString() @MinLength(20) @MaxLength(100) readonly token!: string;
  @IsNewPassword('newPassword') readonly newPassword!: string;
}
