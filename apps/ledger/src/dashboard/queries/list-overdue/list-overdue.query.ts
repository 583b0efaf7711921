import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Open tickets with a yellow or red card. */
export class ListOverdueQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;

  @IsOptional()
  @IsIn(['yellow', 'red'])
  readonly level?: 'yellow' | 'red';

  @IsInt()
  @Min(1)
  @Max(1000)
  readonly limit!: number;
}
