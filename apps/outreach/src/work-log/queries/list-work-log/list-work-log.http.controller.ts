import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { WorkLogResponseDto } from '../../work-log.response.dto';
import { ListWorkLogQuery } from './list-work-log.query';
import { ListWorkLogRequestDto } from './list-work-log.request.dto';

@ApiTags('outreach: work log')
@Controller('api/v1/outreach/work-log')
export class ListWorkLogHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('instructor', 'committee', 'admin')
  @ApiOperation({
    summary: '工作日志: an instructor’s days, visits included (an instructor reads their own)',
  })
  @ApiOkResponse({ type: WorkLogResponseDto, description: 'the instructor’s days' })
  @ApiBadRequestResponse({
    description: 'from/to missing or malformed, to before from, or more than 93 days (named)',
  })
  list(@Query() q: ListWorkLogRequestDto, @CurrentUser() user: AuthUser): Promise<WorkLogResponseDto> {
    return this.queries.execute(
      ListWorkLogQuery.create({ user, from: q.from, to: q.to, instructorUserId: q.instructorUserId }),
    );
  }
}
