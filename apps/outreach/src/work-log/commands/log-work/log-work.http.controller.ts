import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { WorkLoggedResponseDto } from '../../work-log.response.dto';
import { LogWorkCommand } from './log-work.command';
import { LogWorkRequestDto } from './log-work.request.dto';

@ApiTags('outreach: work log')
@Controller('api/v1/outreach/work-log')
export class LogWorkHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('instructor')
  @ApiOperation({ summary: '工作日志: log work other than a visit (meetings, activities, training …)' })
  @ApiCreatedResponse({ type: WorkLoggedResponseDto, description: 'the entry as logged' })
  @ApiBadRequestResponse({ description: 'a field is missing or malformed (named); nothing is written' })
  @ApiNotFoundResponse({ description: 'the enterprise named is not one of your grids' })
  log(@Body() dto: LogWorkRequestDto, @CurrentUser() user: AuthUser): Promise<WorkLoggedResponseDto> {
    return this.commands.execute(
      LogWorkCommand.create({
        user,
        day: dto.day,
        kind: dto.kind,
        title: dto.title,
        content: dto.content ?? '',
        enterpriseId: dto.enterpriseId ?? null,
        hours: dto.hours ?? null,
      }),
    );
  }
}
