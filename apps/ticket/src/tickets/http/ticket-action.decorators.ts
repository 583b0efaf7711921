import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
} from '@nestjs/swagger';
import { TicketChangedResponseDto } from '../ticket-changed.response.dto';

/** The answers every ticket change can give, for /api/docs. */
export const ApiTicketAction = (summary: string) =>
  applyDecorators(
    ApiParam({ name: 'id', format: 'uuid', description: 'ticket id' }),
    ApiOkResponse({
      type: TicketChangedResponseDto,
      description: `${summary}: the ticket's new status and version`,
    }),
    ApiBadRequestResponse({
      description: 'a field is missing or malformed (problem+json naming the field); nothing is written',
    }),
    ApiNotFoundResponse({ description: 'no such ticket, or not one you can see' }),
    ApiConflictResponse({
      description:
        'urn:chuishao:problem:illegalTransition (not allowed in the current status, which it names) or urn:chuishao:problem:versionConflict (expectedVersion is stale; names the current status and version)',
    }),
  );
