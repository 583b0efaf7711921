import { Command } from '@ticketing/platform';
import { IsDate, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** outreach.need-added / need-updated as the copy keeps it (see NeedFact). */
export class RecordNeedFactCommand extends Command {
  @IsString() @MinLength(1) readonly needId!: string;
  @IsString() @MinLength(1) readonly enterpriseId!: string;
  @IsString() readonly kind!: string;
  @IsString() readonly status!: string;
  @IsOptional() @IsString() readonly ownerDepartmentId!: string | null;
  @IsDate() readonly asOf!: Date;
  /** need-added only. */
  @IsOptional() @IsString() @MaxLength(500) readonly title?: string;
  @IsOptional() @IsString() @MaxLength(500) readonly enterpriseName?: string;
}
