import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { expectVersion, notFound } from '@ticketing/platform';
import { actorOf } from '../../../shared/actor';
import { DepartmentResponseDto } from '../../department.response.dto';
import { DepartmentRepository } from '../../domain/department.repository';
import { UpdateDepartmentCommand } from './update-department.command';

@CommandHandler(UpdateDepartmentCommand)
export class UpdateDepartmentHandler implements ICommandHandler<
  UpdateDepartmentCommand,
  DepartmentResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: UpdateDepartmentCommand): Promise<DepartmentResponseDto> {
    return this.uow.transaction(async () => {
      const department = await this.departments.findByIdForUpdate(c.departmentId);
      if (!department) throw notFound('department', c.departmentId);
      expectVersion(department.version, c.expectedVersion, 'the department');
      const change = { nameZh: c.nameZh, nameEn: c.nameEn, active: c.active };
      // Nothing different from what is stored: no new version, no event, no audit line.
      if (department.update(change, actorOf(c.user), new Date(), change))
        await this.departments.save(department);
      return DepartmentResponseDto.from(department);
    });
  }
}
