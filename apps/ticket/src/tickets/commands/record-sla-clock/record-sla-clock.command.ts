import { SlaTimerKind, SlaTimerKinds } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDate, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export const SlaClockChanges = ['set', 'yellow', 'red', 'paused', 'stopped'] as const;
export type SlaClockChange = (typeof SlaClockChanges)[number];

/** What the SLA engine said of one of a ticket's clocks, for the queue's deadlines and flags. */
export class RecordSlaClockCommand extends Command {
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsIn([...SlaTimerKinds]) readonly kind!: SlaTimerKind;
  @IsIn([...SlaClockChanges]) readonly change!: SlaClockChange;
  /** For `set`: the new deadline. */
  @IsOptional() @IsISO8601() readonly dueAt?: string;
  /** For `paused`: why the clock stopped counting (e.g. awaiting_enterprise). */
  @IsOptional() @IsString() @MaxLength(100) readonly reason?: string;
  /** When it happened (a red feedback flag: when the feedback window lapsed). */
  @IsDate() readonly at!: Date;
}
