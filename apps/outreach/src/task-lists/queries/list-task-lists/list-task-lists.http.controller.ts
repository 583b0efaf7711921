import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { TaskListPageDto } from '../../task-list.response.dto';
import { ListTaskListsQuery } from './list-task-lists.query';
import { ListTaskListsRequestDto } from './list-task-lists.request.dto';

@ApiTags('outreach: task lists')
@Controller('api/v1/outreach/task-lists')
export class ListTaskListsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('instructor', 'committee', 'admin')
  @ApiOperation({ summary: 'Task lists, newest month first (an instructor: their own published lists)' })
  @ApiOkResponse({ type: TaskListPageDto, description: 'a page of task lists, newest month first' })
  @ApiBadRequestResponse({ description: 'a filter is malformed (named)' })
  list(@Query() q: ListTaskListsRequestDto, @CurrentUser() user: AuthUser): Promise<TaskListPageDto> {
    return this.queries.execute(
      ListTaskListsQuery.create({
        user,
        month: q.month,
        instructorUserId: q.instructorUserId,
        cursor: q.cursor,
        limit: q.limit,
      }),
    );
  }
}
