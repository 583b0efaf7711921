import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { RequestedItem } from '../agenda-items';

/** Put a joint meeting on the calendar with its agenda and invitations. */
export class ScheduleMeetingCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly meetingId!: string;
  @IsString() @MaxLength(200) readonly title!: string;
  @IsDate() readonly startsAt!: Date;
  @IsString() @MaxLength(200) readonly place!: string;
  @IsOptional() @IsString() readonly convenorUserId?: string;
  @IsArray() readonly items!: RequestedItem[];
  @IsArray() @IsString({ each: true }) readonly invitedDepartmentIds!: string[];
  @IsArray() @IsString({ each: true }) readonly invitedEnterpriseIds!: string[];
  /** Propose the open decisions of earlier meetings as follow-up items (default). */
  @IsBoolean() readonly followUps!: boolean;
}
