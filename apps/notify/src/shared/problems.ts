import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@ticketing/contracts';

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** A 400 shaped like the validation pipe's, so clients read one format for every bad field. */
export function fieldProblem(errors: FieldProblem[]): DomainError {
  return new DomainError(
    'validation',
    errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
    { errors },
  );
}

export const notFound = (what: string, id: string) =>
  new DomainError('notFound', `${what} ${id} does not exist`);

/** The `:id` path parameter, refused with the same problem shape as a bad body field. */
export const IdParam = () =>
  Param(
    'id',
    new ParseUUIDPipe({
      version: undefined,
      exceptionFactory: () => fieldProblem([{ field: 'id', messages: ['id must be a UUID'] }]),
    }),
  );
