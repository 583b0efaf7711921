import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDate, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** ticket.reopened: the enterprise sent the ticket back (重办). */
export class RecordReopenCommand extends Command {
  @IsString() @IsNotEmpty() readonly ticketId!: string;
  /** The lead the ticket service names; absent, the desk's record of the lead counts. */
  @IsOptional() @IsString() readonly leadDepartmentId!: string | null;
  @IsString() readonly reason!: string;
  @IsInt() readonly reopenCount!: number;
  @IsString() @IsNotEmpty() readonly eventId!: string;
  @IsDefined() readonly actor!: Actor;
  @IsDate() readonly occurredAt!: Date;
}
