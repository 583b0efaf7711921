import { Query } from '@ticketing/platform';
import { Matches } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';

/** The departments of one month, best first. */
export class GetRankingQuery extends Query {
  @Matches(MONTH_PATTERN)
  readonly month!: string;
}
