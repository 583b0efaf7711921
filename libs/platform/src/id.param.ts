import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from './problems';

/** A UUID path parameter (default `:id`), refused with the same problem shape as a bad body field. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      version: undefined,
      exceptionFactory: () => invalidField(name, `${name} must be a UUID`),
    }),
  );
