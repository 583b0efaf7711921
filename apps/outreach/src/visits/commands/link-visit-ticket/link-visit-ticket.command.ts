import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsInt, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';

/** ticket.submitted naming a visit: the problem's ticket is known, the link goes both ways. */
export class LinkVisitTicketCommand extends Command {
  @IsUUID('all') readonly visitId!: string;
  @IsInt() @Min(0) readonly problemIndex!: number;
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsString() @MinLength(1) @MaxLength(50) readonly ticketNumber!: string;
  /** Who submitted the ticket (the instructor, on the enterprise's behalf). */
  @IsDefined() readonly actor!: Actor;
  @IsString() @MaxLength(200) readonly causedBy!: string;
}
