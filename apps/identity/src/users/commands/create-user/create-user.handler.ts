import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { conflictOnUnique, fieldProblem, takenValue } from '@ticketing/platform';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { GridRepository } from '../../../grids/domain/grid.repository';
import { actorOf } from '../../../shared/actor';
import { resolveUserScope } from '../../domain/user-scope';
import { User } from '../../domain/user.aggregate';
import { UserRepository } from '../../domain/user.repository';
import { UserScopeCheck } from '../../user-scope.check';
import { UserResponseDto } from '../../user.response.dto';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand, UserResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly grids: GridRepository,
    private readonly scopes: UserScopeCheck,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(c: CreateUserCommand): Promise<UserResponseDto> {
    const taken = `the username ${c.username} is taken`;
    const { scope, problems } = resolveUserScope(c.role, null, c, true);
    // Hash before the transaction: scrypt is slow on purpose, and row locks should not wait on it.
    const passwordHash = await this.hasher.hash(c.initialPassword);
    try {
      return await this.uow.transaction(async () => {
        const grids = await this.grids.findManyForUpdate(scope.gridIds);
        problems.push(
          ...(await this.scopes.unknown(
            scope,
            grids.map((g) => g.id),
          )),
        );
        if (problems.length) throw fieldProblem(problems);
        if (await this.users.usernameTaken(c.username)) throw takenValue('username', taken);
        const actor = actorOf(c.user);
        const now = Clock.now();
        const { user: _, initialPassword: __, ...asked } = c;
        const user = User.register(
          {
            id: newId(),
            username: c.username,
            displayName: c.displayName,
            role: c.role,
            scope,
            mobile: c.mobile ?? null,
            email: c.email ?? null,
            passwordHash,
          },
          actor,
          now,
          asked,
        );
        await this.users.save(user);
        // Each grid's instructor list changes too: a new version of it, announced.
        for (const grid of grids) {
          grid.instructorJoined(user.id, actor, now);
          await this.grids.save(grid);
        }
        return UserResponseDto.from(user);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'username');
    }
  }
}
