import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { DepartmentRepository } from '../../domain/department.repository';
import { UpsertDepartmentCommand } from './upsert-department.command';

/** Keeps the desk's copy of the departments current, so rules and decisions name real ones. */
@CommandHandler(UpsertDepartmentCommand)
export class UpsertDepartmentHandler implements ICommandHandler<UpsertDepartmentCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: UpsertDepartmentCommand): Promise<void> {
    return this.uow.transaction(() =>
      this.departments.upsert(
        { id: c.id, code: c.code, name: c.name, nameEn: c.nameEn, active: c.active },
        c.asOf,
      ),
    );
  }
}
