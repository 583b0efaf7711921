import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { UserReader } from '../../../users/infrastructure/user.reader';
import { UserResponseDto } from '../../../users/user.response.dto';
import { GetMeQuery } from './get-me.query';

/** The caller as the directory knows them now, which may differ from what their token says. */
@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, UserResponseDto> {
  constructor(private readonly users: UserReader) {}

  async execute(q: GetMeQuery): Promise<UserResponseDto> {
    const user = await this.users.get(q.user.id);
    if (!user?.active) throw new DomainError('unauthorized', 'this account is disabled or no longer exists');
    return user;
  }
}
