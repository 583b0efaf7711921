import { EventCause } from '@ticketing/messaging';
import { Command, ItemsOf } from '@ticketing/platform';
import { Type } from 'class-transformer';
import { IsISO8601, IsInstance, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { TicketLifecycleEvent } from '../../domain/ticket-timers.aggregate';

/** A ticket event to move the ticket's timers by. */
export class TicketEventItem {
  /** Its type and payload; the payload was checked against the event catalogue on receipt. */
  @IsObject() readonly event!: TicketLifecycleEvent;
  /** When it happened: timers count from then. */
  @IsISO8601({ strict: true }) readonly occurredAt!: string;
  /**
   * The event as the cause of what the engine records for it; absent, the ambient correlation
   * (the event being handled) is.
   */
  @IsOptional()
  @IsInstance(EventCause)
  @ValidateNested()
  @Type(() => EventCause)
  readonly cause?: EventCause;

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: { event: TicketLifecycleEvent; occurredAt: string; cause?: EventCause }): TicketEventItem {
    return Object.assign(new TicketEventItem(), {
      ...props,
      cause: props.cause && Object.assign(new EventCause(), props.cause),
    });
  }
}

/**
 * Ticket events to move the tickets' timers by, in delivery order: one event, or a delivered
 * batch of several tickets and several events each, with the effect of applying them one by one.
 */
export class ApplyTicketEventsCommand extends Command {
  @ItemsOf(TicketEventItem)
  readonly events!: readonly TicketEventItem[];
}
