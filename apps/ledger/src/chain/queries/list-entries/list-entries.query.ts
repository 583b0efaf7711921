import { Query } from '@ticketing/platform';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The chain itself, newest first, filtered by ticket (id or number) or event type. */
export class ListEntriesQuery extends Query {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly ticketId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  readonly number?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly type?: string;

  /** Entries before this seq. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  readonly before?: number;

  @IsInt()
  @Min(1)
  @Max(200)
  readonly limit!: number;
}
