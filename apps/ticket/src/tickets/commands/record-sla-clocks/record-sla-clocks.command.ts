import { SlaTimerKind, SlaTimerKinds } from '@ticketing/contracts';
import { Command, ItemsOf } from '@ticketing/platform';
import { IsDate, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SlaClockChange, SlaClockChanges, SlaClockFact } from '../../domain/ticket-deadlines';

/** What the SLA engine said of one of a ticket's clocks, for the queue's deadlines and flags. */
export class SlaClock implements SlaClockFact {
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsIn([...SlaTimerKinds]) readonly kind!: SlaTimerKind;
  @IsIn([...SlaClockChanges]) readonly change!: SlaClockChange;
  /** For `set`: the new deadline. */
  @IsOptional() @IsISO8601() readonly dueAt?: string;
  /** For `paused`: why the clock stopped counting (e.g. awaiting_enterprise). */
  @IsOptional() @IsString() @MaxLength(100) readonly reason?: string;
  /** When it happened (a red feedback flag: when the feedback window lapsed). */
  @IsDate() readonly at!: Date;

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: SlaClock): SlaClock {
    return Object.assign(new SlaClock(), props);
  }
}

/**
 * The SLA engine's facts about tickets' clocks, in delivery order: one, or those of a delivered
 * batch (one per ticket), with the effect of recording them one by one.
 */
export class RecordSlaClocksCommand extends Command {
  @ItemsOf(SlaClock, { key: (c) => c.ticketId, duplicate: "a ticket's clocks are recorded once per command" })
  readonly clocks!: readonly SlaClock[];
}
