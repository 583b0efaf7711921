import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { PlanVsDoneResponseDto } from '../../plan-vs-done.response.dto';
import { PlanVsDoneQuery } from './plan-vs-done.query';
import { PlanVsDoneRequestDto } from './plan-vs-done.request.dto';

@ApiTags('outreach: plan against done')
@Controller('api/v1/outreach/plan-vs-done')
export class PlanVsDoneHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('instructor', 'committee', 'admin')
  @ApiOperation({
    summary:
      '对比: per instructor and month, enterprises planned, visited, not visited, visited unplanned; problems, solved, rated',
  })
  @ApiOkResponse({ type: PlanVsDoneResponseDto, description: 'the comparison, per instructor and month' })
  @ApiBadRequestResponse({ description: 'month missing or malformed (named)' })
  get(@Query() q: PlanVsDoneRequestDto, @CurrentUser() user: AuthUser): Promise<PlanVsDoneResponseDto> {
    return this.queries.execute(
      PlanVsDoneQuery.create({ user, month: q.month, instructorUserId: q.instructorUserId }),
    );
  }
}
