import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { GetTaskListQuery } from './get-task-list.query';

@ApiTags('outreach: task lists')
@Controller('api/v1/outreach/task-lists')
export class GetTaskListHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('instructor', 'committee', 'admin')
  @ApiOperation({ summary: 'One task list (an instructor sees their own once published)' })
  @ApiOkResponse({ type: TaskListResponseDto, description: 'the task list' })
  @ApiNotFoundResponse({ description: 'no such task list, or not one you can see' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<TaskListResponseDto> {
    return this.queries.execute(GetTaskListQuery.create({ user, taskListId: id }));
  }
}
