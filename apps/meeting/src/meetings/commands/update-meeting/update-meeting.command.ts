import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  IsArray,
  IsDate,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RequestedItem } from '../agenda-items';

/** Before it is held: time, place, convenor, agenda items added or removed, invitations. */
export class UpdateMeetingCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly meetingId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsOptional() @IsString() @MaxLength(200) readonly title?: string;
  @IsOptional() @IsDate() readonly startsAt?: Date;
  @IsOptional() @IsString() @MaxLength(200) readonly place?: string;
  @IsOptional() @IsString() readonly convenorUserId?: string;
  @IsOptional() @IsArray() readonly addItems?: RequestedItem[];
  @IsOptional() @IsArray() @IsUUID('all', { each: true }) readonly removeItemIds?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) readonly invitedDepartmentIds?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) readonly invitedEnterpriseIds?: string[];
}
