import { Query } from '@ticketing/platform';
import { IsDate, IsOptional } from 'class-validator';

/** from <= occurredAt < to; either end open when null. */
export class DepartmentStatsQuery extends Query {
  @IsOptional() @IsDate() readonly from!: Date | null;
  @IsOptional() @IsDate() readonly to!: Date | null;
}
