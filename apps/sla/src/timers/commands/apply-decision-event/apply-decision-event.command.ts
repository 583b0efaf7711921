import { Command } from '@ticketing/platform';
import { IsISO8601, IsObject } from 'class-validator';
import { DecisionEvent } from '../../domain/decision-clock.aggregate';

/** A meeting event about a decision, to move the decision's clock by. */
export class ApplyDecisionEventCommand extends Command {
  /** Its type and payload; the payload was checked against the event catalogue on receipt. */
  @IsObject() readonly event!: DecisionEvent;
  /** When it happened: a report or a closure stops the clock then. */
  @IsISO8601({ strict: true }) readonly occurredAt!: string;
}
