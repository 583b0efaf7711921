import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined } from 'class-validator';

/** Entries as they are appended, those the caller may hear of. */
export class WatchLedgerQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;
}
