import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { actorOf } from '../../../shared/actor';
import { UserRepository } from '../../../users/domain/user.repository';
import { hashResetToken, newResetToken, ResetLink } from '../../domain/reset-link.aggregate';
import { ResetLinkRepository } from '../../domain/reset-link.repository';
import { IssueResetLinkCommand } from './issue-reset-link.command';
import { ResetLinkResponseDto } from './issue-reset-link.response.dto';

/**
 * The token is answered once, here, and stored only as its hash. Nothing changes on the user until
 * the link is used: the old password keeps working meanwhile.
 */
@CommandHandler(IssueResetLinkCommand)
export class IssueResetLinkHandler implements ICommandHandler<IssueResetLinkCommand, ResetLinkResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly links: ResetLinkRepository,
  ) {}

  execute(c: IssueResetLinkCommand): Promise<ResetLinkResponseDto> {
    return this.uow.transaction(async () => {
      const user = await this.users.findById(c.userId);
      if (!user) throw notFound('user', c.userId);
      const token = newResetToken();
      const link = ResetLink.issue(
        { id: newId(), userId: user.id, tokenHash: hashResetToken(token) },
        actorOf(c.user),
        Clock.now(),
      );
      await this.links.save(link);
      return {
        link: `/reset-password?token=${token}`,
        expiresAt: link.state.expiresAt.toISOString(),
      };
    });
  }
}
