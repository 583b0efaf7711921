import { Query } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class GetDepartmentQuery extends Query {
  @IsUUID() readonly departmentId!: string;
}
