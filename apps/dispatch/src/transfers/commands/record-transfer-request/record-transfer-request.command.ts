import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsArray, IsDate, IsDefined, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';

/** ticket.transfer-requested: a department asks the committee to hand its ticket on (退单/转办). */
export class RecordTransferRequestCommand extends Command {
  @IsString() @IsNotEmpty() readonly ticketId!: string;
  @IsString() readonly ticketNumber!: string;
  /** The department that asks. */
  @IsString() @IsNotEmpty() readonly fromDepartmentId!: string;
  @IsString() readonly reason!: string;
  /** The ticket's state as the event carries it, for a ticket the desk has no record of yet. */
  @IsString() @IsNotEmpty() readonly enterpriseId!: string;
  @IsString() readonly category!: string;
  @IsOptional() @IsString() readonly urgency!: string | null;
  @IsOptional() @IsString() readonly gridId!: string | null;
  @IsOptional() @IsString() readonly leadDepartmentId!: string | null;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsUUID() readonly eventId!: string;
  @IsDefined() readonly actor!: Actor;
  @IsDate() readonly occurredAt!: Date;
}
