import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined } from 'class-validator';

export class ListCandidatesQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
}
