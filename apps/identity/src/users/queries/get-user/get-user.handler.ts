import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { UserReader } from '../../infrastructure/user.reader';
import { UserResponseDto } from '../../user.response.dto';
import { GetUserQuery } from './get-user.query';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, UserResponseDto> {
  constructor(private readonly users: UserReader) {}

  async execute(q: GetUserQuery): Promise<UserResponseDto> {
    const user = await this.users.get(q.userId);
    if (!user) throw notFound('user', q.userId);
    return user;
  }
}
