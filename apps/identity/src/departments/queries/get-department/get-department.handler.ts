import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { DepartmentResponseDto } from '../../department.response.dto';
import { DepartmentReader } from '../../infrastructure/department.reader';
import { GetDepartmentQuery } from './get-department.query';

@QueryHandler(GetDepartmentQuery)
export class GetDepartmentHandler implements IQueryHandler<GetDepartmentQuery, DepartmentResponseDto> {
  constructor(private readonly departments: DepartmentReader) {}

  async execute(q: GetDepartmentQuery): Promise<DepartmentResponseDto> {
    const department = await this.departments.get(q.departmentId);
    if (!department) throw notFound('department', q.departmentId);
    return department;
  }
}
