import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EnterpriseDirectory } from '../../../directory/domain/enterprise-directory';
import { invalid } from '../../domain/ticket.errors';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { AssignHandlerCommand } from './assign-handler.command';

/** The handler must be an active department user of the ticket's lead department (the directory's copy). */
@CommandHandler(AssignHandlerCommand)
export class AssignHandlerHandler implements ICommandHandler<AssignHandlerCommand, TicketChangedResponseDto> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly directory: EnterpriseDirectory,
  ) {}

  execute(c: AssignHandlerCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'assignHandler', async (t, actor, now) => {
      if (!c.handlerUserId) return t.assignHandler(actor, null, now);
      const user = await this.directory.findUser(c.handlerUserId);
      if (!user || !user.active || user.role !== 'department' || user.departmentId !== t.leadDepartmentId)
        throw invalid(
          'handlerUserId',
          'must be an active member of the lead department’s staff (GET /api/v1/tickets/handlers)',
        );
      t.assignHandler(actor, { userId: user.id, name: user.displayName }, now);
    });
  }
}
