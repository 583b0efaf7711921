import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DecisionTimersResponseDto } from '../timer-view.response.dto';
import { DecisionTimersQuery } from './decision-timers.query';

/**
 * A joint meeting decision's clock (议定事项): the committee and the admin; the decision's lead and
 * co-handling departments. Anyone else gets the 404 of an unknown decision.
 */
@ApiTags('sla · timers')
@Controller('api/v1/sla/decisions')
export class DecisionTimersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':decisionId/timers')
  @Roles('committee', 'admin', 'department', 'enterprise', 'instructor')
  @ApiOperation({
    summary:
      "A joint meeting decision's clock: its department, start, deadline, elapsed and remaining working time, state",
  })
  @ApiOkResponse({
    type: DecisionTimersResponseDto,
    description: 'the decision, its departments and its clock',
  })
  @ApiBadRequestResponse({ description: 'decisionId longer than 100 characters' })
  @ApiNotFoundResponse({
    description: 'the SLA engine has not seen this decision, or it is not yours to see',
  })
  timers(@Param('decisionId') decisionId: string, @CurrentUser() user: AuthUser) {
    return this.queries.execute(DecisionTimersQuery.create({ user, decisionId }));
  }
}
