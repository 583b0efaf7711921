import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsArray, IsDefined, IsInt, IsUUID, Max, Min } from 'class-validator';
import { PlannedItemInput } from '../../domain/planned-items';

/** The committee edits a list: a draft quietly, a published one is published again. */
export class ReviseTaskListCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly taskListId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsArray() readonly items!: PlannedItemInput[];
}
