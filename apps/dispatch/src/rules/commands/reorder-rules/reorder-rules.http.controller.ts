import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { actorOf } from '../../../common/actor';
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
  @ApiOkResponse({ type: [RuleResponseDto], description: 'every rule, in the new order' })
  @ApiBadRequestResponse({ description: 'ruleIds is not exactly every rule once' })
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
