import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { expectVersion, fieldProblem, notFound } from '@ticketing/platform';
import { RefreshTokenRepository } from '../../../auth/domain/refresh-token.repository';
import { GridRepository } from '../../../grids/domain/grid.repository';
import { actorOf } from '../../../shared/actor';
import { resolveUserScope } from '../../domain/user-scope';
import { lastActiveAdmin } from '../../domain/user.aggregate';
import { UserRepository } from '../../domain/user.repository';
import { UserScopeCheck } from '../../user-scope.check';
import { UserResponseDto } from '../../user.response.dto';
import { UpdateUserCommand } from './update-user.command';

@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand, UserResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly grids: GridRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly scopes: UserScopeCheck,
  ) {}

  execute(c: UpdateUserCommand): Promise<UserResponseDto> {
    return this.uow.transaction(async () => {
      const user = await this.users.findByIdForUpdate(c.userId);
      if (!user) throw notFound('user', c.userId);
      expectVersion(user.version, c.expectedVersion, 'the user');
      const role = c.role ?? user.role;
      const { scope, problems } = resolveUserScope(role, user.scope, c, role !== user.role);
      // The grids the user joins or leaves change too: lock them before deciding.
      const moved = [
        ...scope.gridIds.filter((g) => !user.gridIds.includes(g)),
        ...user.gridIds.filter((g) => !scope.gridIds.includes(g)),
      ];
      const grids = await this.grids.findManyForUpdate(moved);
      problems.push(...(await this.scopes.unknown(scope, [...user.gridIds, ...grids.map((g) => g.id)])));
      if (problems.length) throw fieldProblem(problems);
      // Nobody could administer the directory any more: refuse instead.
      if (
        user.losesActiveAdmin({ role, active: c.active }) &&
        !(await this.users.anotherActiveAdminThan(user.id))
      )
        throw lastActiveAdmin();

      const actor = actorOf(c.user);
      const now = new Date();
      const { user: _, userId: __, expectedVersion: ___, ...asked } = c;
      const update = user.update(
        { displayName: c.displayName, role, scope, mobile: c.mobile, email: c.email, active: c.active },
        actor,
        now,
        asked,
      );
      // Nothing different from what is stored: no new version, no event, no audit line.
      if (!update.changed) return UserResponseDto.from(user);
      await this.users.save(user);
      // Access tokens carry the role and scope: every service refuses those issued before now.
      if (update.endsSessions)
        await this.refreshTokens.endAllSessions({
          userId: user.id,
          at: now,
          reason: update.endsSessions,
          actor,
        });
      for (const grid of grids) {
        if (update.joinedGrids.includes(grid.id)) grid.instructorJoined(user.id, actor, now);
        else grid.instructorLeft(user.id, actor, now);
        await this.grids.save(grid);
      }
      return UserResponseDto.from(user);
    });
  }
}
