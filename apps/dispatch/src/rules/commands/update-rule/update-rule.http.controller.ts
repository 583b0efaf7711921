import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { actorOf } from '../../../common/actor';
import { RuleResponseDto } from '../../rule.dto';
import { UpdateRuleCommand } from './update-rule.command';
import { UpdateRuleRequestDto } from './update-rule.request.dto';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class UpdateRuleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id')
  @Roles('committee')
  @ApiOperation({ summary: 'Edit a routing rule: makes a new version, the old ones stay readable' })
  @ApiOkResponse({ type: RuleResponseDto, description: 'the rule at its new version' })
  @ApiBadRequestResponse({
    description:
      'id is not a UUID, or a field is invalid (named in errors): no condition, unknown department …',
  })
  @ApiNotFoundResponse({ description: 'no such rule' })
  @ApiConflictResponse({ description: 'expectedVersion is not the current version' })
  async update(
    @IdParam() id: string,
    @Body() body: UpdateRuleRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RuleResponseDto> {
    const rule = await this.commands.execute(
      UpdateRuleCommand.create({
        ruleId: id,
        name: body.name,
        conditions: { ...body.conditions },
        decision: { ...body.decision },
        expectedVersion: body.expectedVersion,
        actor: actorOf(user),
      }),
    );
    return RuleResponseDto.from(rule);
  }
}
