import { Body, Controller, Patch } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { UserResponseDto } from '../../user.response.dto';
import { UpdateUserHandler } from './update-user.handler';
import { UpdateUserRequestDto } from './update-user.request.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class UpdateUserHttpController {
  constructor(private readonly handler: UpdateUserHandler) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change role, scope, contact details or active; announced as directory.user-upserted' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiBadRequestResponse({ description: 'invalid field or a scope that does not fit the role, named in errors[]' })
  @ApiNotFoundResponse({ description: 'no such user' })
  @ApiConflictResponse({ description: 'expectedVersion is stale, or this would leave no active admin' })
  update(@IdParam() id: string, @Body() dto: UpdateUserRequestDto, @CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return this.handler.execute(id, dto, user);
  }
}
