import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { conflictOnUnique, takenValue } from '@ticketing/platform';
import { actorOf } from '../../../shared/actor';
import { DepartmentResponseDto } from '../../department.response.dto';
import { Department } from '../../domain/department.aggregate';
import { DepartmentRepository } from '../../domain/department.repository';
import { CreateDepartmentCommand } from './create-department.command';

@CommandHandler(CreateDepartmentCommand)
export class CreateDepartmentHandler implements ICommandHandler<
  CreateDepartmentCommand,
  DepartmentResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly departments: DepartmentRepository,
  ) {}

  async execute(c: CreateDepartmentCommand): Promise<DepartmentResponseDto> {
    const taken = `a department with code ${c.code} already exists`;
    try {
      return await this.uow.transaction(async () => {
        if (await this.departments.codeTaken(c.code)) throw takenValue('code', taken);
        const department = Department.register(
          { id: newId(), code: c.code, nameZh: c.nameZh, nameEn: c.nameEn ?? null, active: c.active ?? true },
          actorOf(c.user),
          new Date(),
          { code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, active: c.active },
        );
        await this.departments.save(department);
        return DepartmentResponseDto.from(department);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'code');
    }
  }
}
