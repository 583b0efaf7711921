import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { GetFiguresHandler } from './get-figures.handler';
import { GetFiguresRequestDto } from './get-figures.request.dto';

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures')
export class GetFiguresHttpController {
  constructor(private readonly handler: GetFiguresHandler) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'Counters and rates per department, category, grid or month (a department sees its own only)',
  })
  @ApiOkResponse({ description: '{ filter, groupBy, rows: [{ key, name, counters, rates }] }; a rate is null when nothing was due' })
  @ApiBadRequestResponse({ description: 'a malformed month, an unknown groupBy, or to before from (the field is named)' })
  figures(@CurrentUser() user: AuthUser, @Query() q: GetFiguresRequestDto) {
    return this.handler.figures(user, q);
  }
}
