import { Param, ParseUUIDPipe } from '@nestjs/common';
import { fieldProblem } from './problems';

/** The `:id` path parameter, refused with the same problem shape as a bad body field. */
export const IdParam = () =>
  Param('id', new ParseUUIDPipe({ version: undefined, exceptionFactory: () => fieldProblem([{ field: 'id', messages: ['id must be a UUID'] }]) }));
