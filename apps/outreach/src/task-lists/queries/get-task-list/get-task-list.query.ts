import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';

export class GetTaskListQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly taskListId!: string;
}
