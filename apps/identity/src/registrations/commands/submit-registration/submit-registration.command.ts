import { Command } from '@ticketing/platform';
import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { PHONE } from '../../../enterprises/enterprise.request.parts';
import { IsNewPassword } from '../../../shared/password.rules';

/** From the public registration form: nobody is logged in. */
export class SubmitRegistrationCommand extends Command {
  @IsString() @MinLength(2) @MaxLength(100) readonly enterpriseName!: string;
  @IsString() @Length(18, 18) readonly creditCode!: string;
  @IsString() @MinLength(1) @MaxLength(40) readonly contactName!: string;
  @Matches(PHONE) readonly phone!: string;
  @Matches(/^[a-z0-9][a-z0-9._-]{2,31}$/) readonly username!: string;
  @IsNewPassword('password') readonly password!: string;
}
