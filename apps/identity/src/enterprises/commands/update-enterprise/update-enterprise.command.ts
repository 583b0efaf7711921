import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MAX_VERSION } from '../../../shared/version';
import { EnterpriseContact } from '../../domain/enterprise.aggregate';

const givenValue = (_: unknown, v: unknown) => v !== undefined && v !== null;

/** Only what is given changes (`undefined` leaves a field); `null` clears industry, address, gridId. */
export class UpdateEnterpriseCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly enterpriseId!: string;
  @IsOptional() @IsString() @MinLength(2) @MaxLength(100) readonly name?: string;
  @IsOptional() @IsString() @Length(18, 18) readonly creditCode?: string;
  @ValidateIf(givenValue) @IsString() @MaxLength(40) readonly industry?: string | null;
  @ValidateIf(givenValue) @IsString() @MaxLength(200) readonly address?: string | null;
  @ValidateIf(givenValue) @IsUUID('all') readonly gridId?: string | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  readonly contacts?: EnterpriseContact[];
  @IsOptional() @IsBoolean() readonly active?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_VERSION) readonly expectedVersion?: number;
}
