import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { UserResponseDto } from '../../user.response.dto';
import { CreateUserCommand } from './create-user.command';
import { CreateUserRequestDto } from './create-user.request.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class CreateUserHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary:
      'Create a user with an initial password; announced as directory.user-upserted (without credentials)',
  })
  @ApiCreatedResponse({
    type: UserResponseDto,
    description: 'the user as created (mustChangePassword: the initial password must be changed first)',
  })
  @ApiBadRequestResponse({
    description: 'invalid field or a scope that does not fit the role, named in errors[]',
  })
  @ApiConflictResponse({ description: 'the username is taken' })
  create(@Body() dto: CreateUserRequestDto, @CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return this.commands.execute(
      CreateUserCommand.create({
        user,
        username: dto.username,
        displayName: dto.displayName,
        role: dto.role,
        enterpriseId: dto.enterpriseId,
        departmentId: dto.departmentId,
        gridIds: dto.gridIds,
        mobile: dto.mobile,
        email: dto.email,
        initialPassword: dto.initialPassword,
      }),
    );
  }
}
