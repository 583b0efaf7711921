import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import {
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SEARCH_MAX_LIMIT, SEARCH_MAX_QUERY_LENGTH, SearchFilters } from '../../domain/search-request';

/** One search: the words, the filters (checked at the edge), and which page. */
export class SearchTicketsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) @MaxLength(SEARCH_MAX_QUERY_LENGTH) readonly q!: string;
  @IsObject() readonly filters!: SearchFilters;
  @IsInt() @Min(1) @Max(SEARCH_MAX_LIMIT) readonly limit!: number;
  @IsOptional() @IsString() @MaxLength(200) readonly cursor!: string | null;
}
