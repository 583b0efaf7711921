import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined } from 'class-validator';

export class GetMeQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
}
