import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { ProblemDto } from '../../../common/problem.dto';
import { RoutingRuleVersionOrmEntity } from '../../infrastructure/routing-rule-version.orm-entity';
import { RuleIdParam, RuleVersionResponseDto } from '../../rule.dto';
import { ListRuleVersionsQuery } from './list-rule-versions.query';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class ListRuleVersionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/versions')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: "A rule's every version, oldest first: who changed what and when" })
  @ApiOkResponse({ type: [RuleVersionResponseDto] })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  async versions(@Param() p: RuleIdParam): Promise<RuleVersionResponseDto[]> {
    const rows: RoutingRuleVersionOrmEntity[] = await this.queries.execute(new ListRuleVersionsQuery(p.id));
    return rows.map(RuleVersionResponseDto.from);
  }
}
