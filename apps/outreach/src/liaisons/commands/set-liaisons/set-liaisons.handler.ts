import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { expectVersion, FieldError, fieldProblem } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { Liaisons } from '../../domain/liaisons.aggregate';
import { LiaisonsRepository } from '../../domain/liaisons.repository';
import { LiaisonsChangedResponseDto } from '../../liaisons-changed.response.dto';
import { SetLiaisonsCommand } from './set-liaisons.command';

/**
 * One unit of work: lock the enterprise's liaisons, check the version the committee saw, check
 * every person and department named against the directory copy (an instructor must work the
 * enterprise's grid, a leader be committee staff), and let the aggregate record the change.
 */
@CommandHandler(SetLiaisonsCommand)
export class SetLiaisonsHandler implements ICommandHandler<SetLiaisonsCommand, LiaisonsChangedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly liaisons: LiaisonsRepository,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: SetLiaisonsCommand): Promise<LiaisonsChangedResponseDto> {
    return this.uow.transaction(async () => {
      const enterprise = OutreachAccessPolicy.visibleEnterprise(
        c.user,
        c.enterpriseId,
        await this.directory.findEnterprise(c.enterpriseId),
      );
      const current = (await this.liaisons.lockByEnterprise(enterprise.id)) ?? Liaisons.none(enterprise);
      expectVersion(current.version, c.expectedVersion, `the liaisons of ${enterprise.id}`);
      await this.checkNamed(c, enterprise.gridId);
      const changed = current.set(
        {
          keyEnterprise: c.keyEnterprise,
          instructorUserIds: c.instructorUserIds,
          leader: c.leader,
          department: c.department,
        },
        enterprise,
        { id: c.user.id, role: c.user.role },
        new Date(),
      );
      await this.liaisons.save(current);
      return { enterpriseId: enterprise.id, version: current.version, changed };
    });
  }

  private async checkNamed(c: SetLiaisonsCommand, gridId: string | null): Promise<void> {
    const errors: FieldError[] = [];
    for (const [i, id] of c.instructorUserIds.entries()) {
      const user = await this.directory.findUser(id);
      if (!user || !user.active || user.role !== 'instructor') {
        errors.push({ field: `instructorUserIds.${i}`, messages: [`${id} is not an active instructor`] });
      } else if (!gridId || !(await this.directory.gridsOfInstructor(id)).includes(gridId)) {
        errors.push({
          field: `instructorUserIds.${i}`,
          messages: [`${id} does not work the enterprise's grid`],
        });
      }
    }
    if (c.leader?.userId) {
      const leader = await this.directory.findUser(c.leader.userId);
      if (!leader || !leader.active || leader.role !== 'committee')
        errors.push({ field: 'leader.userId', messages: [`${c.leader.userId} is not committee staff`] });
    }
    if (c.department) {
      const department = await this.directory.findDepartment(c.department.departmentId);
      if (!department || !department.active)
        errors.push({
          field: 'department.departmentId',
          messages: [`${c.department.departmentId} is not an active department`],
        });
    }
    if (errors.length) throw fieldProblem(errors);
  }
}
