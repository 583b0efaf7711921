import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.department-upserted: keep this service's copy of department names. */
export class CopyDepartmentCommand extends Command {
  @IsString() @MinLength(1) readonly id!: string;
  @IsString() @MaxLength(100) readonly code!: string;
  @IsString() @MaxLength(500) readonly name!: string;
  @IsOptional() @IsString() @MaxLength(500) readonly nameEn!: string | null;
  @IsBoolean() readonly active!: boolean;
  @IsDate() readonly asOf!: Date;
}
