import { Command } from '@ticketing/platform';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsInstance,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** A ticket event as the copy keeps it (see TicketFact). */
export class TicketFactItem {
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

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: TicketFactItem): TicketFactItem {
    return Object.assign(new TicketFactItem(), props);
  }
}

/**
 * Ticket events as the copy keeps them, in delivery order: one event, or a delivered batch of
 * several tickets and several events each, with the effect of applying them one by one.
 */
export class RecordTicketFactsCommand extends Command {
  @IsArray()
  @ArrayNotEmpty()
  // Instances (TicketFactItem.of), or the nested rules would not run.
  @IsInstance(TicketFactItem, { each: true })
  @ValidateNested({ each: true })
  @Type(() => TicketFactItem)
  readonly facts!: readonly TicketFactItem[];
}
