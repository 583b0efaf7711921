import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsBoolean, IsDefined, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateDepartmentCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @Matches(/^[a-z][a-z0-9_]{1,39}$/) readonly code!: string;
  @IsString() @MinLength(1) @MaxLength(60) readonly nameZh!: string;
  @IsOptional() @IsString() @MaxLength(120) readonly nameEn?: string;
  @IsOptional() @IsBoolean() readonly active?: boolean;
}
