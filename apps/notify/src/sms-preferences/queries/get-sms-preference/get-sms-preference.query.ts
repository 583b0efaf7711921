import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined } from 'class-validator';

/** The caller's enterprise's SMS choice. */
export class GetSmsPreferenceQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
}
