import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListTemplatesQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  /** The committee: only the zone's and this department's. */
  @IsOptional() @IsString() @MaxLength(100) readonly departmentId?: string;
}
