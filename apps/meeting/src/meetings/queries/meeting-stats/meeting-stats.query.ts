import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDate, IsDefined } from 'class-validator';

export class MeetingStatsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsDate() readonly from!: Date;
  /** Exclusive: the day after the last day counted. */
  @IsDate() readonly to!: Date;
}
