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
import { RuleVersion } from '../../domain/routing-rule.aggregate';
import { RuleVersionResponseDto } from '../../rule.dto';
import { ListRuleVersionsQuery } from './list-rule-versions.query';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class ListRuleVersionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/versions')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: "A rule's every version, oldest first: who changed what and when" })
  @ApiOkResponse({ type: [RuleVersionResponseDto], description: 'every version of the rule, oldest first' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such rule' })
  async versions(@IdParam() id: string): Promise<RuleVersionResponseDto[]> {
    const versions: RuleVersion[] = await this.queries.execute(ListRuleVersionsQuery.create({ ruleId: id }));
    return versions.map(RuleVersionResponseDto.from);
  }
}
