import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ValidationProblem } from '@ticketing/platform';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { SubmitRateLimitGuard } from './submit-rate-limit.guard';
import { SubmitTicketCommand } from './submit-ticket.command';
import { SubmitTicketRequestDto } from './submit-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class SubmitTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('enterprise', 'instructor', 'committee')
  @UseGuards(SubmitRateLimitGuard)
  @ApiOperation({
    summary:
      'Blow the whistle (企业吹哨): submit a ticket for your enterprise, as an instructor for one in your grids, or as committee staff for any enterprise that called, came in, wrote in a group chat or sent a letter',
    description:
      'Committee staff name the enterprise (enterpriseId) and the channel (phone, walk_in, group_chat, letter); the ticket is routed like any other and its channel shows in the figures. A likely duplicate of one of the enterprise’s open tickets answers 409 possibleDuplicate (listing them) unless confirmNotDuplicate is true.',
  })
  @ApiHeader({
    // The name @Headers() reads, so the document lists the header once, as optional.
    name: 'idempotency-key',
    required: false,
    description: 'retrying with the same key returns the same ticket',
  })
  @ApiCreatedResponse({
    type: TicketChangedResponseDto,
    description: 'the ticket as filed (a retry with the same Idempotency-Key answers the same ticket)',
  })
  @ApiBadRequestResponse({
    description: 'a field is missing or malformed (problem+json naming the field); nothing is written',
  })
  @ApiConflictResponse({
    description:
      'urn:chuishao:problem:possibleDuplicate: similar open tickets (candidates); resend with confirmNotDuplicate',
  })
  @ApiUnprocessableEntityResponse({
    description: 'the Idempotency-Key was used with a different request, or the enterprise is unknown',
  })
  @ApiTooManyRequestsResponse({
    description:
      'you submitted more than TICKET_SUBMIT_PER_MINUTE (30 by default) tickets this minute (counted per user); see Retry-After',
  })
  submit(
    @Body() dto: SubmitTicketRequestDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<TicketChangedResponseDto> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw new ValidationProblem([
        { field: 'Idempotency-Key', messages: ['must be 1 to 200 visible ASCII characters'] },
      ]);
    }
    return this.commands.execute(
      SubmitTicketCommand.create({ user, ...dto, idempotencyKey: idempotencyKey ?? null }),
    );
  }
}
