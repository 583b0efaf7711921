import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  IsBoolean,
  IsDefined,
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

/** Only what is given changes (`undefined` leaves a field); `nameEn: null` clears it. */
export class UpdateDepartmentCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID() readonly departmentId!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(60) readonly nameZh?: string;
  @ValidateIf((_, v) => v !== undefined && v !== null) @IsString() @MaxLength(120) readonly nameEn?:
    string | null;
  @IsOptional() @IsBoolean() readonly active?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_VERSION) readonly expectedVersion?: number;
}
