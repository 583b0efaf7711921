import { AuthUser } from '@ticketing/auth';
import { Role, Roles } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsNewPassword } from '../../../shared/password.rules';

export class CreateUserCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @Matches(/^[a-z0-9][a-z0-9._-]{2,31}$/) readonly username!: string;
  @IsString() @MinLength(1) @MaxLength(60) readonly displayName!: string;
  @IsIn(Roles) readonly role!: Role;
  @IsOptional() @IsUUID('all') readonly enterpriseId?: string;
  @IsOptional() @IsUUID('all') readonly departmentId?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) readonly gridIds?: string[];
  @IsOptional() @IsString() @MaxLength(20) readonly mobile?: string;
  @IsOptional() @IsString() @MaxLength(120) readonly email?: string;
  @IsNewPassword('initialPassword') readonly initialPassword!: string;
}
