import { Body, Controller, Patch } from '@nestjs/common';
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
import { NeedChangedResponseDto } from '../../need-changed.response.dto';
import { UpdateNeedCommand } from './update-need.command';
import { UpdateNeedRequestDto } from './update-need.request.dto';

@ApiTags('outreach: needs')
@Controller('api/v1/outreach/needs')
export class UpdateNeedHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({
    summary:
      'Progress on a need: status, owning department (committee), related ticket, note (an enterprise may close its own)',
  })
  @ApiOkResponse({ type: NeedChangedResponseDto, description: 'the need after the change' })
  @ApiBadRequestResponse({
    description:
      'a field is malformed, names an unknown department or another enterprise’s ticket, or nothing changes',
  })
  @ApiNotFoundResponse({ description: 'no such need, or not one you can see' })
  @ApiConflictResponse({
    description: 'a status it cannot take from where it is, or expectedVersion is not the current version',
  })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateNeedRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<NeedChangedResponseDto> {
    return this.commands.execute(
      UpdateNeedCommand.create({
        user,
        needId: id,
        expectedVersion: dto.expectedVersion,
        status: dto.status,
        ownerDepartmentId: dto.ownerDepartmentId,
        ticketId: dto.ticketId,
        note: dto.note,
      }),
    );
  }
}
