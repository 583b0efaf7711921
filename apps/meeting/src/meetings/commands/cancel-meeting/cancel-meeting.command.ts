import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CancelMeetingCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly meetingId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsString() @MaxLength(1000) readonly reason!: string;
}
