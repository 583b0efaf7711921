import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsArray, IsDate, IsDefined, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** ticket.assigned: the ticket service gave the ticket a (new) lead. */
export class FollowAssignmentCommand extends Command {
  @IsString() @IsNotEmpty() readonly ticketId!: string;
  @IsString() @IsNotEmpty() readonly leadDepartmentId!: string;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsString() @IsNotEmpty() readonly firstHandlerDepartmentId!: string;
  @IsString() readonly via!: string;
  @IsOptional() @IsString() readonly previousLeadDepartmentId!: string | null;
  @IsString() @IsNotEmpty() readonly eventId!: string;
  @IsDefined() readonly actor!: Actor;
  @IsDate() readonly occurredAt!: Date;
}
