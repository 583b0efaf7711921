import { Command } from '@ticketing/platform';
import { IsArray, IsBoolean, IsDate, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.user-upserted: a name to show on records and the role and scope it had. */
export class CopyUserCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(100) readonly id!: string;
  @IsString() @MaxLength(200) readonly displayName!: string;
  @IsString() @MaxLength(50) readonly role!: string;
  @IsArray() @IsString({ each: true }) readonly gridIds!: string[];
  @IsOptional() @IsString() readonly departmentId!: string | null;
  @IsOptional() @IsString() readonly enterpriseId!: string | null;
  @IsBoolean() readonly active!: boolean;
  @IsDate() readonly asOf!: Date;
}
