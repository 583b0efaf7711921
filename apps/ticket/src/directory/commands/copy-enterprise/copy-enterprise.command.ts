import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.enterprise-upserted: keep this service's copy (name, grid, active). */
export class CopyEnterpriseCommand extends Command {
  @IsString() @MinLength(1) readonly id!: string;
  @IsString() @MaxLength(500) readonly name!: string;
  @IsOptional() @IsString() readonly gridId!: string | null;
  @IsBoolean() readonly active!: boolean;
  /** When identity changed it: an older copy never overwrites a newer one. */
  @IsDate() readonly asOf!: Date;
}
