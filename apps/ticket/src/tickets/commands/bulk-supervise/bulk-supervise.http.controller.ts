import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { BulkResultDto } from '../../bulk';
import { BulkSuperviseCommand } from './bulk-supervise.command';
import { BulkSuperviseRequestDto } from './bulk-supervise.request.dto';

@ApiTags('tickets: bulk')
@Controller('api/v1/tickets/bulk')
export class BulkSuperviseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('supervise')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({
    summary: 'Urge or supervise several tickets (批量督办), each checked and done on its own',
    description:
      'Every item runs as its own supervision; 200 with one result per item (ok, or the problem that ticket alone would have answered).',
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'the outcome of each ticket, in the order given' })
  @ApiBadRequestResponse({ description: 'the request itself is malformed (nothing is done)' })
  handle(@Body() dto: BulkSuperviseRequestDto, @CurrentUser() user: AuthUser): Promise<BulkResultDto> {
    return this.commands.execute(
      BulkSuperviseCommand.create({ user, items: dto.items, level: dto.level, note: dto.note }),
    );
  }
}
