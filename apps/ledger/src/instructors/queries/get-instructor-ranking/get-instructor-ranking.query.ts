import { Query } from '@ticketing/platform';
import { Matches } from 'class-validator';
import { PERIOD_FORMAT } from '../../../shared/query-fields';

/** The instructors of a month, quarter or year, best first, by the published 量化积分. */
export class GetInstructorRankingQuery extends Query {
  @Matches(PERIOD_FORMAT)
  readonly period!: string;
}
