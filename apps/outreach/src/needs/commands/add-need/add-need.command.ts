import { AuthUser } from '@ticketing/auth';
import { NeedKind, NeedKinds } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A need goes on an enterprise's 需求清单: by the enterprise, an instructor of its grid, or the committee. */
export class AddNeedCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  /** An enterprise user's own when absent. */
  @IsOptional() @IsString() @MinLength(1) readonly enterpriseId?: string;
  @IsIn([...NeedKinds]) readonly kind!: NeedKind;
  @IsString() @MaxLength(100) readonly title!: string;
  @IsString() @MaxLength(2000) readonly description!: string;
  /** The committee routes it to a department at once. */
  @IsOptional() @IsString() readonly ownerDepartmentId?: string | null;
}
