import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { PERIOD_FORMAT } from '../../../shared/query-fields';

/** One instructor's score of a period, explained: the plan, the visits and the tickets behind each number. */
export class GetInstructorFiguresQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsString()
  @MaxLength(100)
  readonly instructorUserId!: string;

  @Matches(PERIOD_FORMAT)
  readonly period!: string;
}
