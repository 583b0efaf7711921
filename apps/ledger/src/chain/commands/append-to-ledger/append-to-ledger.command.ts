import { DomainEvent, isEventType } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { ArrayNotEmpty, IsArray, ValidateBy } from 'class-validator';

/** Each element an envelope with an id and a type of the event catalogue. */
const CataloguedEvents = () =>
  ValidateBy(
    {
      name: 'cataloguedEvent',
      validator: {
        validate: (v: unknown) =>
          typeof v === 'object' &&
          v !== null &&
          typeof Reflect.get(v, 'id') === 'string' &&
          isEventType(String(Reflect.get(v, 'type'))),
      },
    },
    { each: true, message: 'each event must be an envelope of a type the event catalogue knows' },
  );

/**
 * Chain these events (one delivered chunk, in delivery order) and fold them into the read models,
 * in the unit of work open around it: the consumer's inbox transaction.
 */
export class AppendToLedgerCommand extends Command {
  @IsArray()
  @ArrayNotEmpty()
  @CataloguedEvents()
  readonly events!: readonly DomainEvent[];
}
