import { Query } from '@ticketing/platform';
import { IsInt, Max, Min } from 'class-validator';

/** The latest seals, newest first. */
export class ListSealsQuery extends Query {
  @IsInt()
  @Min(1)
  @Max(1000)
  readonly limit!: number;
}
