import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { invalidField } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { Need } from '../../domain/need.aggregate';
import { NeedRepository } from '../../domain/need.repository';
import { NeedChangedResponseDto } from '../../need-changed.response.dto';
import { AddNeedCommand } from './add-need.command';

/**
 * One unit of work. Whose need it is follows from who adds it: an enterprise's own, an instructor's
 * grid (the instructor then owns the follow-up), any for the committee, which alone may route it
 * to a department at once.
 */
@CommandHandler(AddNeedCommand)
export class AddNeedHandler implements ICommandHandler<AddNeedCommand, NeedChangedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly needs: NeedRepository,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: AddNeedCommand): Promise<NeedChangedResponseDto> {
    return this.uow.transaction(async () => {
      const enterpriseId = this.enterpriseOf(c);
      const enterprise = OutreachAccessPolicy.needTargetEnterprise(
        c.user,
        enterpriseId,
        await this.directory.findEnterprise(enterpriseId),
      );
      if (!enterprise.active) throw invalidField('enterpriseId', `${enterprise.id} is no longer active`);
      const committee = c.user.role === 'committee' || c.user.role === 'admin';
      if (c.ownerDepartmentId && !committee)
        throw new DomainError('forbidden', 'only the committee routes a need to a department');
      if (c.ownerDepartmentId && !(await this.directory.findDepartment(c.ownerDepartmentId))?.active)
        throw invalidField('ownerDepartmentId', `${c.ownerDepartmentId} is not an active department`);
      const instructor = c.user.role === 'instructor' ? c.user.id : null;
      const need = Need.add({
        id: newId(),
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        gridId: enterprise.gridId,
        kind: c.kind,
        title: c.title,
        description: c.description,
        ownerDepartmentId: c.ownerDepartmentId ?? null,
        ownerUserId: instructor,
        ticketId: null,
        visitId: null,
        instructorUserId: instructor,
        createdBy: { id: c.user.id, role: c.user.role },
        at: new Date(),
      });
      await this.needs.add(need);
      return NeedChangedResponseDto.of(need);
    });
  }

  private enterpriseOf(c: AddNeedCommand): string {
    if (c.user.role === 'enterprise') {
      if (!c.user.enterpriseId)
        throw new DomainError('forbidden', 'your account is not linked to an enterprise');
      return c.enterpriseId ?? c.user.enterpriseId;
    }
    if (!c.enterpriseId) throw invalidField('enterpriseId', 'enterpriseId is required');
    return c.enterpriseId;
  }
}
