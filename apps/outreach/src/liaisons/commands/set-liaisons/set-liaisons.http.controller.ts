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
import { ExternalIdParam } from '../../../shared/http/outreach-http';
import { LiaisonsChangedResponseDto } from '../../liaisons-changed.response.dto';
import { SetLiaisonsCommand } from './set-liaisons.command';
import { SetLiaisonsRequestDto } from './set-liaisons.request.dto';

@ApiTags('outreach: liaisons')
@Controller('api/v1/outreach/enterprises')
export class SetLiaisonsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':enterpriseId/liaisons')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      '联系制度: name the enterprise’s instructors, committee leader and department liaison; mark it a key enterprise',
  })
  @ApiOkResponse({ type: LiaisonsChangedResponseDto, description: 'the liaisons as set' })
  @ApiBadRequestResponse({
    description: 'a field is malformed, or names someone who cannot be that liaison (named)',
  })
  @ApiNotFoundResponse({ description: 'no such enterprise in the directory' })
  @ApiConflictResponse({ description: 'expectedVersion is not the current version' })
  set(
    @ExternalIdParam('enterpriseId') enterpriseId: string,
    @Body() dto: SetLiaisonsRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<LiaisonsChangedResponseDto> {
    return this.commands.execute(
      SetLiaisonsCommand.create({
        user,
        enterpriseId,
        expectedVersion: dto.expectedVersion,
        keyEnterprise: dto.keyEnterprise,
        instructorUserIds: dto.instructorUserIds,
        leader: dto.leader
          ? {
              name: dto.leader.name.trim(),
              title: dto.leader.title?.trim() || null,
              phone: dto.leader.phone ?? null,
              userId: dto.leader.userId ?? null,
            }
          : null,
        department: dto.department
          ? {
              departmentId: dto.department.departmentId,
              contactName: dto.department.contactName?.trim() || null,
              contactPhone: dto.department.contactPhone ?? null,
            }
          : null,
      }),
    );
  }
}
