import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** identity announced a department (new, renamed, deactivated). */
export class UpsertDepartmentCommand extends Command {
  @IsString() @IsNotEmpty() readonly id!: string;
  @IsString() readonly code!: string;
  @IsString() @IsNotEmpty() readonly name!: string;
  @IsOptional() @IsString() readonly nameEn!: string | null;
  @IsBoolean() readonly active!: boolean;
  /** When the directory made the change. */
  @IsDate() readonly asOf!: Date;
}
