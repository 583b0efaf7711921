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
import { UserResponseDto } from '../../user.response.dto';
import { UpdateUserCommand } from './update-user.command';
import { UpdateUserRequestDto } from './update-user.request.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class UpdateUserHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change role, scope, contact details or active; announced as directory.user-upserted',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'the user after the change' })
  @ApiBadRequestResponse({
    description: 'invalid field or a scope that does not fit the role, named in errors[]',
  })
  @ApiNotFoundResponse({ description: 'no such user' })
  @ApiConflictResponse({ description: 'expectedVersion is stale, or this would leave no active admin' })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateUserRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<UserResponseDto> {
    return this.commands.execute(
      UpdateUserCommand.create({
        user,
        userId: id,
        displayName: dto.displayName,
        role: dto.role,
        enterpriseId: dto.enterpriseId,
        departmentId: dto.departmentId,
        gridIds: dto.gridIds,
        mobile: dto.mobile,
        email: dto.email,
        active: dto.active,
        expectedVersion: dto.expectedVersion,
      }),
    );
  }
}
