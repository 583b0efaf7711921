import { Command } from '@ticketing/platform';
import { IsISO8601, IsObject } from 'class-validator';
import { TicketLifecycleEvent } from '../../domain/ticket-timers.aggregate';

/** A ticket event to move the ticket's timers by. */
export class ApplyTicketEventCommand extends Command {
  /** Its type and payload; the payload was checked against the event catalogue on receipt. */
  @IsObject() readonly event!: TicketLifecycleEvent;
  /** When it happened: timers count from then. */
  @IsISO8601({ strict: true }) readonly occurredAt!: string;
}
