import { Query } from '@ticketing/platform';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListDepartmentsQuery extends Query {
  @IsOptional() @IsString() @MaxLength(100) readonly q?: string;
  @IsOptional() @IsUUID() readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
