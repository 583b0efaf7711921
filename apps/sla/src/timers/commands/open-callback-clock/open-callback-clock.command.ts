import { Command } from '@ticketing/platform';
import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';

/** A ticket's feedback window lapsed: the committee's callback clock (回访) opens from that instant. */
export class OpenCallbackClockCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(200) readonly ticketId!: string;
  /** The feedback timer whose breach fired. */
  @IsString() @MinLength(1) @MaxLength(100) readonly feedbackTimerId!: string;
  /** When the feedback window lapsed (its deadline): the callback window counts from then. */
  @IsISO8601({ strict: true }) readonly lapsedAt!: string;
}
