import { Command } from '@ticketing/platform';
import { IsDate, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CandidateReason, CandidateReasons } from '../../domain/agenda-sources';

/** sla.escalated (step joint_meeting) or ticket.supervised (level joint_meeting): a ticket for the joint meeting's agenda. */
export class RaiseCandidateCommand extends Command {
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsIn([...CandidateReasons]) readonly reason!: CandidateReason;
  @IsDate() readonly at!: Date;
  @IsString() @MaxLength(2000) readonly note!: string;
}
