import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { conflictOnUnique, fieldProblem, takenValue } from '@ticketing/platform';
import { RefreshTokenRepository } from '../../../auth/domain/refresh-token.repository';
import { actorOf } from '../../../shared/actor';
import { UserRepository } from '../../../users/domain/user.repository';
import { Grid } from '../../domain/grid.aggregate';
import { instructorProblems } from '../../domain/grid-instructors';
import { GridRepository } from '../../domain/grid.repository';
import { GridResponseDto } from '../../grid.response.dto';
import { CreateGridCommand } from './create-grid.command';

@CommandHandler(CreateGridCommand)
export class CreateGridHandler implements ICommandHandler<CreateGridCommand, GridResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly grids: GridRepository,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  async execute(c: CreateGridCommand): Promise<GridResponseDto> {
    const taken = `a grid with code ${c.code} already exists`;
    try {
      return await this.uow.transaction(async () => {
        if (await this.grids.codeTaken(c.code)) throw takenValue('code', taken);
        const instructors = [...new Set(c.instructorUserIds ?? [])];
        const users = await this.users.findManyForUpdate(instructors);
        const problems = instructorProblems(instructors, [], new Map(users.map((u) => [u.id, u])));
        if (problems.length) throw fieldProblem(problems);
        const actor = actorOf(c.user);
        const now = new Date();
        const grid = Grid.register(
          { id: newId(), code: c.code, name: c.name, instructorUserIds: instructors },
          actor,
          now,
          { code: c.code, name: c.name, instructorUserIds: c.instructorUserIds },
        );
        await this.grids.save(grid);
        // Each instructor's own grids change too: a new version of them, announced.
        for (const user of users) {
          user.joinedGrid(grid.id, actor, now);
          await this.users.save(user);
          // Their tokens name the grids they had: every service refuses those issued before now.
          await this.refreshTokens.endAllSessions({
            userId: user.id,
            at: now,
            reason: 'scope-changed',
            actor,
          });
        }
        return GridResponseDto.from(grid);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'code');
    }
  }
}
