import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE, IdParam, Page } from '@ticketing/platform';
import { GetUserQuery } from '../get-user/get-user.query';
import { UserPageDto, UserResponseDto } from '../../user.response.dto';
import { ListUsersQuery } from './list-users.query';
import { ListUsersQueryDto } from './list-users.query.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class ListUsersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({
    summary: 'Users, filterable by role and scope, searchable by username, name, e-mail, mobile',
  })
  @ApiOkResponse({ type: UserPageDto, description: 'a page of users' })
  @ApiBadRequestResponse({ description: 'invalid filter, cursor or limit' })
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    return this.queries.execute(
      ListUsersQuery.create({
        q: query.q,
        role: query.role,
        enterpriseId: query.enterpriseId,
        departmentId: query.departmentId,
        gridId: query.gridId,
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserResponseDto, description: 'the user' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such user' })
  get(@IdParam() id: string): Promise<UserResponseDto> {
    return this.queries.execute(GetUserQuery.create({ userId: id }));
  }
}
