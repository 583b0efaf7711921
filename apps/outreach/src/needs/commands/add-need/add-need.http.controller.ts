import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { NeedChangedResponseDto } from '../../need-changed.response.dto';
import { AddNeedCommand } from './add-need.command';
import { AddNeedRequestDto } from './add-need.request.dto';

@ApiTags('outreach: needs')
@Controller('api/v1/outreach/needs')
export class AddNeedHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('enterprise', 'instructor', 'committee', 'admin')
  @ApiOperation({
    summary: '需求清单: add a need that is not a complaint (project, hiring, financing, matching)',
  })
  @ApiCreatedResponse({ type: NeedChangedResponseDto, description: 'the need as added' })
  @ApiBadRequestResponse({ description: 'a field is missing or malformed (named); nothing is written' })
  @ApiNotFoundResponse({ description: 'no such enterprise among yours' })
  add(@Body() dto: AddNeedRequestDto, @CurrentUser() user: AuthUser): Promise<NeedChangedResponseDto> {
    return this.commands.execute(
      AddNeedCommand.create({
        user,
        enterpriseId: dto.enterpriseId,
        kind: dto.kind,
        title: dto.title,
        description: dto.description,
        ownerDepartmentId: dto.ownerDepartmentId ?? null,
      }),
    );
  }
}
