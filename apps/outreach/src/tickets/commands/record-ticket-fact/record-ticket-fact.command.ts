import { Command } from '@ticketing/platform';
import { IsArray, IsDate, IsInt, IsOptional, IsString, IsUUID, Min, MinLength } from 'class-validator';

/** A ticket event as the copy keeps it (see TicketFact): scope, status, outcome, visit. */
export class RecordTicketFactCommand extends Command {
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsString() readonly number!: string;
  @IsString() readonly enterpriseId!: string;
  @IsOptional() @IsString() readonly gridId!: string | null;
  @IsOptional() @IsString() readonly leadDepartmentId!: string | null;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsString() readonly status!: string;
  @IsOptional() @IsUUID('all') readonly visitId?: string;
  @IsOptional() @IsInt() @Min(0) readonly visitProblemIndex?: number | null;
  /** Given: the enterprise's say (null for both: cleared by a reopen, or closed unrated). Absent: unchanged. */
  @IsOptional() readonly outcome?: { solved: boolean | null; satisfaction: string | null } | null;
  @IsOptional() @IsDate() readonly closedAt?: Date | null;
  @IsInt() @Min(1) readonly sourceVersion!: number;
}
