import { Command } from '@ticketing/platform';
import { IsArray, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** A ticket event as the copy keeps it (see TicketFact). */
export class RecordTicketFactCommand extends Command {
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsString() readonly number!: string;
  @IsString() readonly enterpriseId!: string;
  @IsOptional() @IsString() readonly leadDepartmentId!: string | null;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsString() readonly status!: string;
  @IsInt() @Min(1) readonly sourceVersion!: number;
  /** ticket.submitted only. */
  @IsOptional() @IsString() @MaxLength(500) readonly title?: string;
  @IsOptional() @IsString() @MaxLength(500) readonly enterpriseName?: string;
}
