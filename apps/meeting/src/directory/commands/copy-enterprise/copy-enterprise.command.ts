import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.enterprise-upserted: an enterprise a meeting may invite. */
export class CopyEnterpriseCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(100) readonly id!: string;
  @IsString() @MaxLength(200) readonly name!: string;
  @IsBoolean() readonly active!: boolean;
  @IsDate() readonly asOf!: Date;
}
