import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { QueuePageDto } from '../timer-view.response.dto';
import { DepartmentQueueQuery } from './department-queue.query';
import { DepartmentQueueQueryDto } from './department-queue.request.dto';

/** A department's running timers, nearest deadline first, for the work queue. */
@ApiTags('sla · timers')
@Controller('api/v1/sla/queue')
export class DepartmentQueueHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('department', 'committee', 'admin')
  @ApiOperation({ summary: 'Running timers of a department sorted by deadline (cursor pagination)' })
  @ApiOkResponse({ type: QueuePageDto, description: 'a page of running timers, nearest deadline first' })
  @ApiBadRequestResponse({ description: 'bad kind, limit or cursor, or no department given' })
  queue(@Query() q: DepartmentQueueQueryDto, @CurrentUser() user: AuthUser) {
    return this.queries.execute(
      DepartmentQueueQuery.create({
        user,
        departmentId: q.departmentId ?? null,
        kind: q.kind ?? null,
        limit: q.limit ?? 50,
        cursor: q.cursor ?? null,
      }),
    );
  }
}
