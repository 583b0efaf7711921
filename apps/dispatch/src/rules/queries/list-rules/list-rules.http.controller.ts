import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RuleResponseDto } from '../../rule.dto';
import { GetRuleQuery, ListRulesQuery } from './list-rules.query';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class ListRulesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Every routing rule, disabled ones included, in the order they are tried' })
  @ApiOkResponse({ type: [RuleResponseDto], description: 'every rule, in the order they are tried' })
  async list(): Promise<RuleResponseDto[]> {
    const rules: RoutingRule[] = await this.queries.execute(ListRulesQuery.create({}));
    return rules.map(RuleResponseDto.from);
  }

  @Get(':id')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'One routing rule at its current version' })
  @ApiOkResponse({ type: RuleResponseDto, description: 'the rule at its current version' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such rule' })
  async get(@IdParam() id: string): Promise<RuleResponseDto> {
    return RuleResponseDto.from(await this.queries.execute(GetRuleQuery.create({ ruleId: id })));
  }
}
