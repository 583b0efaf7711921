import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { invalidField, notFound } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { TicketCopies } from '../../../tickets/domain/ticket-copies';
import { NeedRepository } from '../../domain/need.repository';
import { NeedChangedResponseDto } from '../../need-changed.response.dto';
import { UpdateNeedCommand } from './update-need.command';

/**
 * One unit of work: lock the need, check who may change what (the policy), check the version the
 * caller saw, check a named department and ticket (the ticket must be one of the enterprise's, as
 * the ticket events told us), and let the need apply the change.
 */
@CommandHandler(UpdateNeedCommand)
export class UpdateNeedHandler implements ICommandHandler<UpdateNeedCommand, NeedChangedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly needs: NeedRepository,
    private readonly directory: OutreachDirectory,
    private readonly tickets: TicketCopies,
  ) {}

  execute(c: UpdateNeedCommand): Promise<NeedChangedResponseDto> {
    return this.uow.transaction(async () => {
      const need = await this.needs.lockById(c.needId);
      if (!need) throw notFound('need', c.needId);
      const s = need.snapshot();
      const change = {
        status: c.status,
        ownerDepartmentId: c.ownerDepartmentId,
        ticketId: c.ticketId,
        note: c.note,
      };
      OutreachAccessPolicy.assertMayChangeNeed(c.user, s, change);
      need.assertVersion(c.expectedVersion);
      if (c.ownerDepartmentId && !(await this.directory.findDepartment(c.ownerDepartmentId))?.active)
        throw invalidField('ownerDepartmentId', `${c.ownerDepartmentId} is not an active department`);
      if (c.ticketId) {
        const ticket = await this.tickets.find(c.ticketId);
        if (!ticket || ticket.enterpriseId !== s.enterpriseId)
          throw invalidField('ticketId', `${c.ticketId} is not a ticket of ${s.enterpriseId}`);
      }
      need.update(change, { id: c.user.id, role: c.user.role }, new Date());
      await this.needs.save(need);
      return NeedChangedResponseDto.of(need);
    });
  }
}
