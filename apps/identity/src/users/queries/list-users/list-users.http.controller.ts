import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { Page } from '../../../shared/list.query.dto';
import { UserPageDto, UserResponseDto } from '../../user.response.dto';
import { ListUsersHandler } from './list-users.handler';
import { ListUsersQueryDto } from './list-users.query.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class ListUsersHttpController {
  constructor(private readonly handler: ListUsersHandler) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Users, filterable by role and scope, searchable by username, name, e-mail, mobile' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiBadRequestResponse({ description: 'invalid filter, cursor or limit' })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    return this.handler.list(query);
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such user' })
  get(@IdParam() id: string): Promise<UserResponseDto> {
    return this.handler.get(id);
  }
}
