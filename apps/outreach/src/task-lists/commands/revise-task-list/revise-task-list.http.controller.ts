import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { ReviseTaskListCommand } from './revise-task-list.command';
import { ReviseTaskListRequestDto } from './revise-task-list.request.dto';

@ApiTags('outreach: task lists')
@Controller('api/v1/outreach/task-lists')
export class ReviseTaskListHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/items')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary: 'Edit a task list’s items (a published list is published again as a new revision)',
  })
  @ApiOkResponse({ type: TaskListResponseDto, description: 'the task list after the change' })
  @ApiBadRequestResponse({
    description: 'a field is malformed, or names an enterprise outside the instructor’s grids',
  })
  @ApiNotFoundResponse({ description: 'no such task list' })
  @ApiConflictResponse({ description: 'expectedVersion is not the current version' })
  revise(
    @IdParam() id: string,
    @Body() dto: ReviseTaskListRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskListResponseDto> {
    return this.commands.execute(
      ReviseTaskListCommand.create({
        user,
        taskListId: id,
        expectedVersion: dto.expectedVersion,
        items: dto.items.map((i) => ({
          enterpriseId: i.enterpriseId,
          topics: i.topics.map((t) => ({ ...t })),
        })),
      }),
    );
  }
}
