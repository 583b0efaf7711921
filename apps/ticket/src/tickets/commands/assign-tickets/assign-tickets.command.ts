import { Command, ItemsOf } from '@ticketing/platform';
import { IsArray, IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { SystemTicketChange } from '../ticket-command';

/** dispatch.decided: the desk (by rule or by hand) named the lead and the co-handlers. */
export class DeskDecision extends SystemTicketChange {
  @IsString() @MinLength(1) readonly leadDepartmentId!: string;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsIn(['rule', 'manual']) readonly via!: 'rule' | 'manual';
  @IsOptional() @IsString() readonly ruleId!: string | null;
  @IsString() readonly explanation!: string;

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: DeskDecision): DeskDecision {
    return Object.assign(new DeskDecision(), props);
  }
}

/**
 * The desk's decisions to apply, in delivery order: one, or those of a delivered batch (one per
 * ticket), with the effect of applying them one by one.
 */
export class AssignTicketsCommand extends Command {
  @ItemsOf(DeskDecision, { key: (d) => d.ticketId, duplicate: 'a ticket is assigned once per command' })
  readonly decisions!: readonly DeskDecision[];
}
