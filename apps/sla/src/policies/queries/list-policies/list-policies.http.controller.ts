import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { GetPolicyQuery, ListPoliciesQuery, ListRecomputeJobsQuery } from './list-policies.query';
import {
  PolicyResponseDto,
  PolicyVersionsResponseDto,
  RecomputeJobResponseDto,
} from './list-policies.response.dto';

@ApiTags('sla · policies')
@Controller('api/v1/sla')
export class ListPoliciesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('policies')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'The active policies (the most specific category × urgency wins, timer by timer)',
  })
  @ApiOkResponse({
    type: [PolicyResponseDto],
    description: 'the active policies: tickets’ first, wildcards last, the decisions’ at the end',
  })
  list() {
    return this.queries.execute(ListPoliciesQuery.create({}));
  }

  @Get('policies/:policyId')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'One policy with every version' })
  @ApiOkResponse({ type: PolicyVersionsResponseDto, description: 'the policy’s versions, newest first' })
  @ApiNotFoundResponse({ description: 'no such policy' })
  one(@IdParam('policyId') id: string) {
    return this.queries.execute(GetPolicyQuery.create({ policyId: id }));
  }

  @Get('recompute-jobs')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Progress of the recomputes that policy and calendar changes started' })
  @ApiOkResponse({ type: [RecomputeJobResponseDto], description: 'the latest 50 jobs, newest first' })
  jobs() {
    return this.queries.execute(ListRecomputeJobsQuery.create({ limit: 50 }));
  }
}
