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
import { RoutingRuleOrmEntity } from '../../infrastructure/routing-rule.orm-entity';
import { RuleIdParam, RuleResponseDto } from '../../rule.dto';
import { GetRuleQuery, ListRulesQuery } from './list-rules.query';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class ListRulesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Every routing rule, disabled ones included, in the order they are tried' })
  @ApiOkResponse({ type: [RuleResponseDto] })
  async list(): Promise<RuleResponseDto[]> {
    const rows: RoutingRuleOrmEntity[] = await this.queries.execute(new ListRulesQuery());
    return rows.map(RuleResponseDto.from);
  }

  @Get(':id')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'One routing rule at its current version' })
  @ApiOkResponse({ type: RuleResponseDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(@Param() p: RuleIdParam): Promise<RuleResponseDto> {
    return RuleResponseDto.from(await this.queries.execute(new GetRuleQuery(p.id)));
  }
}
