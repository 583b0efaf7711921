import { DomainEvent } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { ArrayNotEmpty, IsArray, ValidateBy } from 'class-validator';
import { isTicketActivity, TicketActivityEvent } from '../../domain/ticket-activity';

/** Each element an event about a ticket (ticket, dispatch or sla) with its id and its ticket's. */
const TicketActivityEvents = () =>
  ValidateBy(
    {
      name: 'ticketActivityEvent',
      validator: {
        validate: (v: unknown) => {
          if (typeof v !== 'object' || v === null) return false;
          const payload: unknown = Reflect.get(v, 'payload');
          if (typeof payload !== 'object' || payload === null) return false;
          const ticketId: unknown = Reflect.get(payload, 'ticketId');
          return (
            typeof Reflect.get(v, 'id') === 'string' &&
            typeof Reflect.get(v, 'type') === 'string' &&
            typeof ticketId === 'string' &&
            ticketId.length > 0 &&
            isTicketActivity(v as DomainEvent)
          );
        },
      },
    },
    { each: true, message: 'each event must be a ticket, dispatch or sla event naming its ticketId' },
  );

/**
 * Events about tickets, as received (each payload already checked against its class), in delivery
 * order: one event, or a delivered batch of several tickets and several events each. Applied in
 * that order, each seeing its ticket's facts after every earlier event of the list.
 */
export class RecordTicketActivityCommand extends Command {
  @IsArray()
  @ArrayNotEmpty()
  @TicketActivityEvents()
  readonly events!: readonly TicketActivityEvent[];
}
