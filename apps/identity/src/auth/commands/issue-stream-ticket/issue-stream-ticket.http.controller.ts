import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Roles as ALL_ROLES } from '@ticketing/contracts';
import { IssueStreamTicketCommand } from './issue-stream-ticket.command';
import { IssueStreamTicketRequestDto, StreamTicketResponseDto } from './issue-stream-ticket.request.dto';

@ApiTags('identity: auth')
@Controller('api/v1/identity')
export class IssueStreamTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('stream-tickets')
  @HttpCode(201)
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'A one-use ticket to open an event stream (EventSource cannot send the bearer token)',
    description:
      'Open the stream as `<stream>?ticket=<ticket>` within 30 seconds; the ticket works once, for that stream only, and not after the session ends. Access tokens in URLs are refused.',
  })
  @ApiCreatedResponse({
    type: StreamTicketResponseDto,
    description: 'the ticket, for `?ticket=` on that stream path; it works once, until it expires',
  })
  @ApiBadRequestResponse({ description: 'stream missing or not a path of this API' })
  issue(
    @CurrentUser() user: AuthUser,
    @Body() dto: IssueStreamTicketRequestDto,
  ): Promise<StreamTicketResponseDto> {
    return this.commands.execute(IssueStreamTicketCommand.create({ user, stream: dto.stream }));
  }
}
