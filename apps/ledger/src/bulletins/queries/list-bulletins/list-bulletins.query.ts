import { Query } from '@ticketing/platform';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

/** Published bulletins, newest first: everyone who may see them sees all (they are published). */
export class ListBulletinsQuery extends Query {
  @IsInt()
  @Min(1)
  @Max(100)
  readonly limit!: number;

  @IsOptional()
  @IsISO8601()
  readonly before?: string;
}
