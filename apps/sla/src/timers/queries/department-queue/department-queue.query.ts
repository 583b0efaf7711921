import { AuthUser } from '@ticketing/auth';
import { SlaTimerKind, SlaTimerKinds } from '@ticketing/contracts';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** A department's running timers, nearest deadline first, a page at a time. */
export class DepartmentQueueQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  /** Whose queue the committee or admin asks for; a department's user always gets its own. */
  @IsOptional() @IsString() @MaxLength(100) readonly departmentId!: string | null;
  @IsOptional() @IsIn([...SlaTimerKinds]) readonly kind!: SlaTimerKind | null;
  @IsInt() @Min(1) @Max(500) readonly limit!: number;
  @IsOptional() @Matches(/^\d{13}_[0-9a-f-]{36}$/) readonly cursor!: string | null;
}
