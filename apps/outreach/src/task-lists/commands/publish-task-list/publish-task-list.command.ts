import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsInt, IsUUID, Max, Min } from 'class-validator';

/** The committee gives the list to the instructor: from now on they see it, and the ledger holds it. */
export class PublishTaskListCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly taskListId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
}
