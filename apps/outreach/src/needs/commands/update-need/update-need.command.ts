import { AuthUser } from '@ticketing/auth';
import { NeedStatus, NeedStatuses } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Progress on a need: its status, the department that owns it, the ticket it relates to, a note. */
export class UpdateNeedCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly needId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsOptional() @IsIn([...NeedStatuses]) readonly status?: NeedStatus;
  /** null: no department any more; absent: unchanged. */
  @IsOptional() @IsString() readonly ownerDepartmentId?: string | null;
  @IsOptional() @IsUUID('all') readonly ticketId?: string | null;
  @IsOptional() @IsString() @MaxLength(1000) readonly note?: string | null;
}
