import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsBoolean, IsDefined } from 'class-validator';

/** The joint meeting's (联席会议) agenda. */
export class GetJointMeetingAgendaQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsBoolean()
  readonly includeClosed!: boolean;
}
