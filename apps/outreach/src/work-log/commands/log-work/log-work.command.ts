import { AuthUser } from '@ticketing/auth';
import { WorkLogKind } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsIn, IsNumber, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const MANUAL_KINDS = ['meeting', 'activity', 'training', 'paperwork', 'other'] as const;

/** An instructor writes a line of their day (visits are logged by themselves). */
export class LogWorkCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() readonly day!: string;
  @IsIn([...MANUAL_KINDS]) readonly kind!: Exclude<WorkLogKind, 'visit'>;
  @IsString() @MaxLength(100) readonly title!: string;
  @IsString() @MaxLength(2000) readonly content!: string;
  @IsOptional() @IsString() @MinLength(1) readonly enterpriseId!: string | null;
  @IsOptional() @IsNumber() readonly hours!: number | null;
}
