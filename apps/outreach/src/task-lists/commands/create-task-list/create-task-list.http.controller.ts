import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { CreateTaskListCommand } from './create-task-list.command';
import { CreateTaskListRequestDto } from './create-task-list.request.dto';

@ApiTags('outreach: task lists')
@Controller('api/v1/outreach/task-lists')
export class CreateTaskListHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      '任务清单: draft an instructor’s list for a month (proposed from the visiting intervals unless items are given)',
  })
  @ApiCreatedResponse({ type: TaskListResponseDto, description: 'the task list, a draft' })
  @ApiBadRequestResponse({
    description: 'a field is malformed, or names an enterprise outside the instructor’s grids',
  })
  @ApiConflictResponse({ description: 'the instructor already has a list for that month (field month)' })
  create(@Body() dto: CreateTaskListRequestDto, @CurrentUser() user: AuthUser): Promise<TaskListResponseDto> {
    return this.commands.execute(
      CreateTaskListCommand.create({
        user,
        instructorUserId: dto.instructorUserId,
        month: dto.month,
        items: dto.items?.map((i) => ({
          enterpriseId: i.enterpriseId,
          topics: i.topics.map((t) => ({ ...t })),
        })),
      }),
    );
  }
}
