import { Body, Controller, HttpCode, Post } from '@nestjs/common';
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
import { PublishTaskListCommand } from './publish-task-list.command';
import { PublishTaskListRequestDto } from './publish-task-list.request.dto';

@ApiTags('outreach: task lists')
@Controller('api/v1/outreach/task-lists')
export class PublishTaskListHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Publish a task list to its instructor (outreach.task-list-published)' })
  @ApiOkResponse({ type: TaskListResponseDto, description: 'the task list, published' })
  @ApiBadRequestResponse({ description: 'expectedVersion missing or malformed' })
  @ApiNotFoundResponse({ description: 'no such task list' })
  @ApiConflictResponse({ description: 'already published, or expectedVersion is not the current version' })
  publish(
    @IdParam() id: string,
    @Body() dto: PublishTaskListRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TaskListResponseDto> {
    return this.commands.execute(
      PublishTaskListCommand.create({ user, taskListId: id, expectedVersion: dto.expectedVersion }),
    );
  }
}
