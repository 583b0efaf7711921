import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsArray, IsDefined, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { MONTH } from '../../../shared/domain/zone-time';
import { PlannedItemInput } from '../../domain/planned-items';

/** The committee drafts an instructor's list for a month: its own items, or the intervals' proposal. */
export class CreateTaskListCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) readonly instructorUserId!: string;
  @Matches(MONTH) readonly month!: string;
  /** Absent: proposed from the visiting intervals (settings) and past visits. */
  @IsOptional() @IsArray() readonly items?: PlannedItemInput[];
}
