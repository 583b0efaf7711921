import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { PostMessageCommand } from './post-message.command';
import { PostMessageRequestDto } from './post-message.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class PostMessageHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/messages')
  @HttpCode(200)
  @Roles('enterprise', 'instructor', 'department', 'committee')
  @ApiOperation({
    summary:
      'Post a message both the enterprise and the ticket’s handlers read (the enterprise, its instructor, the lead and co-handling departments, the committee)',
    description:
      'While the ticket is open. Files: your own uploads. expectedVersion is optional here. GET /:id shows it under conversation.messages.',
  })
  @ApiTicketAction('message')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PostMessageRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      PostMessageCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion ?? null,
        text: dto.text,
        attachmentIds: dto.attachmentIds ?? [],
      }),
    );
  }
}
