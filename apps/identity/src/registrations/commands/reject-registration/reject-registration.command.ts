import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class RejectRegistrationCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly registrationId!: string;
  @IsString() @MinLength(2) @MaxLength(200) readonly reason!: string;
}
