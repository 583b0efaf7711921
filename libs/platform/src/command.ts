import { applyDecorators } from '@nestjs/common';
import { DomainError } from '@ticketing/contracts';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsInstance,
  validateSync,
  ValidateNested,
  ValidationError,
} from 'class-validator';
import { FieldError } from './problem-details.filter';

/** The data of a command: its own fields, without methods. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type CommandProps<T> = { [K in keyof T as T[K] extends Function ? never : K]: T[K] };

const flatten = (errors: ValidationError[], prefix = ''): FieldError[] =>
  errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });

/**
 * A command or query is plain data that checks itself when built: `XCommand.create({ … })` runs
 * its class-validator rules and throws a 400-shaped DomainError naming every field at fault. So a
 * command built in an event consumer is checked as strictly as one built from an HTTP request,
 * and a handler can trust what it is given. No EntityManager, no HTTP DTO inside: the transaction
 * is the unit of work's business, the request's shape the controller's.
 */
export abstract class Message {
  static create<T extends Message>(this: new () => T, props: CommandProps<T>): T {
    const message = Object.assign(new this(), props);
    const errors = validateSync(message, { forbidUnknownValues: false });
    if (errors.length) {
      const fields = flatten(errors);
      throw new DomainError(
        'validation',
        `${this.name}: ${fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | ')}`,
        { errors: fields },
      );
    }
    return Object.freeze(message);
  }
}

/** A change asked of the domain. */
export abstract class Command extends Message {}

/** A question asked of the read side. */
export abstract class Query extends Message {}

/**
 * The rules of a command's list of items (one per record, e.g. the events of a consumer's batch):
 * not empty, each an instance of `item` checked by its own rules (a fault is named by its index,
 * `submissions.1.number`), and no record named twice (`key`; `duplicate` says so).
 */
export function ItemsOf<T extends object>(
  item: new () => T,
  unique?: { key: (item: T) => unknown; duplicate: string },
): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayNotEmpty(),
    ...(unique ? [ArrayUnique((x: T) => (x ? unique.key(x) : x), { message: unique.duplicate })] : []),
    // Instances (the item's own factory), or the nested rules would not run.
    IsInstance(item, { each: true }),
    ValidateNested({ each: true }),
    Type(() => item),
  );
}
