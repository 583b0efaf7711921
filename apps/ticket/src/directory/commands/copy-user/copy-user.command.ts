import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.user-upserted: keep this service's copy of who the user is (never credentials). */
export class CopyUserCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(200) readonly id!: string;
  @IsString() @MaxLength(500) readonly displayName!: string;
  @IsString() @MaxLength(50) readonly role!: string;
  @IsOptional() @IsString() @MaxLength(200) readonly departmentId!: string | null;
  @IsBoolean() readonly active!: boolean;
  @IsDate() readonly asOf!: Date;
}
