import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE } from '@ticketing/platform';
import { ListTriageQuery } from './list-triage.query';
import { ListTriageRequestDto } from './list-triage.request.dto';
import { TriagePageDto } from './list-triage.response.dto';

@ApiTags('dispatch triage')
@Controller('api/v1/dispatch/triage')
export class ListTriageHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee')
  @ApiOperation({ summary: 'Tickets no rule could route, waiting for the desk, oldest first' })
  @ApiOkResponse({ type: TriagePageDto, description: 'a page of the triage queue, oldest first' })
  @ApiBadRequestResponse({ description: 'limit or cursor is malformed' })
  list(@Query() page: ListTriageRequestDto): Promise<TriagePageDto> {
    return this.queries.execute(
      ListTriageQuery.create({ limit: page.limit ?? DEFAULT_PAGE_SIZE, cursor: page.cursor ?? null }),
    );
  }
}
