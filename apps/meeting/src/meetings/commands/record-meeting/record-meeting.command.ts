import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsArray, IsDate, IsDefined, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export interface DecisionRequest {
  itemId: string;
  title?: string;
  task: string;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  dueWorkingDays: number;
  cooperation: boolean;
}

export interface AttendanceRequest {
  departmentIds: string[];
  enterpriseIds: string[];
  people: string[];
}

/** The meeting took place: who attended, the summary, and a decision for each decided item. */
export class RecordMeetingCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly meetingId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsDate() readonly heldAt!: Date;
  @IsDefined() readonly attendance!: AttendanceRequest;
  @IsString() @MaxLength(5000) readonly summary!: string;
  @IsArray() readonly decisions!: DecisionRequest[];
}
