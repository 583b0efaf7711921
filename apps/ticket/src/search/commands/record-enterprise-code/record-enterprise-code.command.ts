import { Command } from '@ticketing/platform';
import { IsDate, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.enterprise-upserted: what search needs of an enterprise (its credit code and current name). */
export class RecordEnterpriseCodeCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(200) readonly id!: string;
  @IsString() @MinLength(1) @MaxLength(500) readonly name!: string;
  @IsString() @MinLength(1) @MaxLength(50) readonly creditCode!: string;
  /** When identity changed it: an older copy never overwrites a newer one. */
  @IsDate() readonly asOf!: Date;
}
