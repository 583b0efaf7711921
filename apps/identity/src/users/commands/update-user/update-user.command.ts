import { AuthUser } from '@ticketing/auth';
import { Role, Roles } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_VERSION } from '../../../shared/version';

const givenValue = (_: unknown, v: unknown) => v !== undefined && v !== null;

/** Only what is given changes (`undefined` leaves a field); `null` clears a scope id, mobile or email. */
export class UpdateUserCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly userId!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(60) readonly displayName?: string;
  @IsOptional() @IsIn(Roles) readonly role?: Role;
  @ValidateIf(givenValue) @IsUUID('all') readonly enterpriseId?: string | null;
  @ValidateIf(givenValue) @IsUUID('all') readonly departmentId?: string | null;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) readonly gridIds?: string[];
  @ValidateIf(givenValue) @IsString() @MaxLength(20) readonly mobile?: string | null;
  @ValidateIf(givenValue) @IsString() @MaxLength(120) readonly email?: string | null;
  @IsOptional() @IsBoolean() readonly active?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_VERSION) readonly expectedVersion?: number;
}
