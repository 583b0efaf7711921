import { Query } from '@ticketing/platform';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListTriageQuery extends Query {
  @IsInt() @Min(1) @Max(200) readonly limit!: number;
  /** nextCursor of the previous page. */
  @IsOptional() @IsString() readonly cursor!: string | null;
}
