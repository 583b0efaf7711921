import { Query } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class GetUserQuery extends Query {
  @IsUUID('all') readonly userId!: string;
}
