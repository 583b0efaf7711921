import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { BulkResultDto } from '../../bulk';
import { BulkAcknowledgeCommand } from './bulk-acknowledge.command';
import { BulkAcknowledgeRequestDto } from './bulk-acknowledge.request.dto';

@ApiTags('tickets: bulk')
@Controller('api/v1/tickets/bulk')
export class BulkAcknowledgeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('acknowledge')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({
    summary: 'Sign for several tickets (批量签收), each checked and done on its own',
    description:
      'Every item runs as its own acknowledgement (its own transaction, access and version check); one refused item does not stop the others. 200 with one result per item: ok with the new status and version, or the problem that ticket alone would have answered.',
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'the outcome of each ticket, in the order given' })
  @ApiBadRequestResponse({ description: 'the request itself is malformed (nothing is done)' })
  handle(@Body() dto: BulkAcknowledgeRequestDto, @CurrentUser() user: AuthUser): Promise<BulkResultDto> {
    return this.commands.execute(
      BulkAcknowledgeCommand.create({ user, items: dto.items, note: dto.note ?? null }),
    );
  }
}
