import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { decodeCursor, encodeCursor, PageQueryDto } from '../../../common/cursor';
import { invalid } from '../../../common/field-errors';
import { ProblemDto } from '../../../common/problem.dto';
import { DispatchTicketOrmEntity } from '../../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { ListTriageQuery } from './list-triage.query';
import { TriageItemDto, TriagePageDto } from './list-triage.response.dto';

@ApiTags('dispatch triage')
@Controller('api/v1/dispatch/triage')
export class ListTriageHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee')
  @ApiOperation({ summary: 'Tickets no rule could route, waiting for the desk, oldest first' })
  @ApiOkResponse({ type: TriagePageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  async list(@Query() page: PageQueryDto): Promise<TriagePageDto> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    if (page.cursor && !after)
      throw invalid([
        { field: 'cursor', messages: ['cursor must be a nextCursor returned by this endpoint'] },
      ]);
    const limit = page.limit ?? 50;
    const rows: DispatchTicketOrmEntity[] = await this.queries.execute(new ListTriageQuery(limit, after));
    const last = rows[rows.length - 1];
    return {
      items: rows.map(TriageItemDto.from),
      nextCursor:
        rows.length === limit && last?.submittedAt ? encodeCursor(last.submittedAt, last.ticketId) : null,
    };
  }
}
