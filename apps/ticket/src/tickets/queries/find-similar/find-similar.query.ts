import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

/** The enterprise's own open tickets that read like the draft being typed. */
export class FindSimilarTicketsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  /** Enterprises: omitted (their own); instructors and committee staff: the enterprise they write for. */
  @IsOptional() @IsString() @MaxLength(100) readonly enterpriseId?: string;
  @IsString() @MaxLength(100) readonly title!: string;
  @IsString() @MaxLength(4000) readonly description!: string;
}
