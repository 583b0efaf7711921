import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ReportPartCommand } from './report-part.command';
import { ReportPartRequestDto } from './report-part.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ReportPartHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/report-part')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({ summary: 'A co-handling department reports its part (联办) to the lead' })
  @ApiTicketAction('report-part')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReportPartRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      ReportPartCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        content: dto.content,
      }),
    );
  }
}
