import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { actorOf } from '../../../common/actor';
import { RuleResponseDto } from '../../rule.dto';
import { CreateRuleCommand } from './create-rule.command';
import { CreateRuleRequestDto } from './create-rule.request.dto';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class CreateRuleHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('committee')
  @ApiOperation({ summary: 'Add a routing rule (version 1)' })
  @ApiCreatedResponse({ type: RuleResponseDto, description: 'the rule at version 1' })
  @ApiBadRequestResponse({
    description: 'a field is invalid: no condition, unknown department, lead among co-handlers …',
  })
  async create(@Body() body: CreateRuleRequestDto, @CurrentUser() user: AuthUser): Promise<RuleResponseDto> {
    const rule = await this.commands.execute(
      CreateRuleCommand.create({
        name: body.name,
        conditions: { ...body.conditions },
        decision: { ...body.decision },
        priority: body.priority ?? null,
        enabled: body.enabled ?? true,
        actor: actorOf(user),
      }),
    );
    return RuleResponseDto.from(rule);
  }
}
