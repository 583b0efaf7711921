import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { DepartmentResponseDto } from '../../department.response.dto';
import { DepartmentReader } from '../../infrastructure/department.reader';
import { ListDepartmentsQuery } from './list-departments.query';

@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<
  ListDepartmentsQuery,
  Page<DepartmentResponseDto>
> {
  constructor(private readonly departments: DepartmentReader) {}

  execute(q: ListDepartmentsQuery): Promise<Page<DepartmentResponseDto>> {
    return this.departments.list(q);
  }
}
