import { Command } from '@ticketing/platform';
import {
  ArrayNotEmpty,
  IsArray,
  IsDate,
  IsInstance,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** A ticket event as the copy keeps it (see TicketFact): scope, status, outcome, visit. */
export class TicketFactInput {
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

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: TicketFactInput): TicketFactInput {
    return Object.assign(new TicketFactInput(), props);
  }
}

/**
 * Ticket events as the copy keeps them, in delivery order: one event, or a delivered batch (many
 * tickets, several events each). Applied as one by one, in one write.
 */
export class RecordTicketFactsCommand extends Command {
  @IsArray()
  @ArrayNotEmpty()
  @IsInstance(TicketFactInput, { each: true, message: 'each fact must be built with TicketFactInput.of' })
  @ValidateNested({ each: true })
  readonly facts!: readonly TicketFactInput[];
}
