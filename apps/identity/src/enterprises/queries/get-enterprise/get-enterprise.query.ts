import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsUUID } from 'class-validator';

export class GetEnterpriseQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly enterpriseId!: string;
}
