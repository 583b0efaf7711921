import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { actorOf } from '../../../common/actor';
import { ProblemDto } from '../../../common/problem.dto';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RuleResponseDto } from '../../rule.dto';
import { ReorderRulesCommand } from './reorder-rules.command';
import { ReorderRulesRequestDto } from './reorder-rules.request.dto';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class ReorderRulesHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put('order')
  @Roles('committee')
  @ApiOperation({ summary: 'Set the order the rules are tried in (the first matching rule wins)' })
  @ApiOkResponse({ type: [RuleResponseDto] })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'ruleIds is not exactly every rule once' })
  async reorder(
    @Body() body: ReorderRulesRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RuleResponseDto[]> {
    const rules: RoutingRule[] = await this.commands.execute(
      ReorderRulesCommand.create({ ruleIds: body.ruleIds, actor: actorOf(user) }),
    );
    return rules.map(RuleResponseDto.from);
  }
}
