import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, Matches } from 'class-validator';
import { YEAR_PATTERN } from '../../../shared/query-fields';

/** Visits per instructor and month of a year: what allowances are paid on. */
export class GetVisitAllowancesQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @Matches(YEAR_PATTERN)
  readonly year!: string;
}
