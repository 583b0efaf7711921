import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.department-upserted: a department a meeting may invite and a decision may name. */
export class CopyDepartmentCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(100) readonly id!: string;
  @IsString() @MaxLength(100) readonly code!: string;
  @IsString() @MaxLength(200) readonly name!: string;
  @IsBoolean() readonly active!: boolean;
  @IsDate() readonly asOf!: Date;
}
