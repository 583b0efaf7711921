import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { UserReader } from '../../infrastructure/user.reader';
import { UserResponseDto } from '../../user.response.dto';
import { ListUsersQuery } from './list-users.query';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery, Page<UserResponseDto>> {
  constructor(private readonly users: UserReader) {}

  execute(q: ListUsersQuery): Promise<Page<UserResponseDto>> {
    return this.users.list(q);
  }
}
