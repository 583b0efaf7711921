import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { BulkResultDto } from '../../bulk';
import { BulkAssignHandlerCommand } from './bulk-assign-handler.command';
import { BulkAssignHandlerRequestDto } from './bulk-assign-handler.request.dto';

@ApiTags('tickets: bulk')
@Controller('api/v1/tickets/bulk')
export class BulkAssignHandlerHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('assign-handler')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({
    summary: 'Hand several tickets to one of your staff (承办人), each checked and done on its own',
    description:
      'The lead department only, for each ticket; the person must be an active user of it. 200 with one result per item. (Routing tickets from triage to departments is the dispatch desk’s: POST /api/v1/dispatch/triage/:ticketId/assign.)',
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'the outcome of each ticket, in the order given' })
  @ApiBadRequestResponse({ description: 'the request itself is malformed (nothing is done)' })
  handle(@Body() dto: BulkAssignHandlerRequestDto, @CurrentUser() user: AuthUser): Promise<BulkResultDto> {
    return this.commands.execute(
      BulkAssignHandlerCommand.create({ user, items: dto.items, handlerUserId: dto.handlerUserId ?? null }),
    );
  }
}
