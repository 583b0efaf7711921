import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

/** The people a department may hand its tickets to (承办人): its active staff. */
export class ListHandlersQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  /** The committee names the department; a department gets its own. */
  @IsOptional() @IsString() @MaxLength(100) readonly departmentId?: string;
}
