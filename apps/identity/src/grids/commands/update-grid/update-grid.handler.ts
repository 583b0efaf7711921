import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { expectVersion, fieldProblem, notFound } from '@ticketing/platform';
import { RefreshTokenRepository } from '../../../auth/domain/refresh-token.repository';
import { actorOf } from '../../../shared/actor';
import { User } from '../../../users/domain/user.aggregate';
import { UserRepository } from '../../../users/domain/user.repository';
import { instructorProblems } from '../../domain/grid-instructors';
import { GridRepository } from '../../domain/grid.repository';
import { GridResponseDto } from '../../grid.response.dto';
import { UpdateGridCommand } from './update-grid.command';

@CommandHandler(UpdateGridCommand)
export class UpdateGridHandler implements ICommandHandler<UpdateGridCommand, GridResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly grids: GridRepository,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  execute(c: UpdateGridCommand): Promise<GridResponseDto> {
    return this.uow.transaction(async () => {
      const grid = await this.grids.findByIdForUpdate(c.gridId);
      if (!grid) throw notFound('grid', c.gridId);
      expectVersion(grid.version, c.expectedVersion, 'the grid');
      const wanted = c.instructorUserIds && [...new Set(c.instructorUserIds)];
      let users: User[] = [];
      if (wanted) {
        users = await this.users.findManyForUpdate([...new Set([...wanted, ...grid.instructorUserIds])]);
        const problems = instructorProblems(
          wanted,
          grid.instructorUserIds,
          new Map(users.map((u) => [u.id, u])),
        );
        if (problems.length) throw fieldProblem(problems);
      }
      const actor = actorOf(c.user);
      const now = new Date();
      const asked = { name: c.name, instructorUserIds: c.instructorUserIds };
      const update = grid.update({ name: c.name, instructorUserIds: wanted }, actor, now, asked);
      // Nothing different from what is stored: no new version, no event, no audit line.
      if (!update.changed) return GridResponseDto.from(grid);
      await this.grids.save(grid);
      // The instructors who joined or left have other grids now: a new version of them, announced.
      for (const user of users) {
        if (update.joined.includes(user.id)) user.joinedGrid(grid.id, actor, now);
        else if (update.left.includes(user.id)) user.leftGrid(grid.id, actor, now);
        else continue;
        await this.users.save(user);
        // Their tokens name the grids they had: every service refuses those issued before now.
        await this.refreshTokens.endAllSessions({ userId: user.id, at: now, reason: 'scope-changed', actor });
      }
      return GridResponseDto.from(grid);
    });
  }
}
