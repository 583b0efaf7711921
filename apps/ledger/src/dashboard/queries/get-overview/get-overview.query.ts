import { Query } from '@ticketing/platform';
import { Matches } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';

/** The committee's front page for a month. */
export class GetOverviewQuery extends Query {
  @Matches(MONTH_PATTERN)
  readonly month!: string;
}
