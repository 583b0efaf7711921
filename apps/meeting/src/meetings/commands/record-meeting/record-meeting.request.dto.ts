import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE, MAX_ITEMS } from '../../../shared/http/meeting-http';
import { MAX_DUE_WORKING_DAYS } from '../../../decisions/domain/decision.aggregate';
import { all, idList } from '../../meeting.request.dto';

export class AttendanceRequestDto {
  @ApiProperty({ type: [String], description: 'departments present' })
  @all(...idList('departmentIds', 'department'))
  departmentIds!: string[];

  @ApiProperty({ type: [String], description: 'enterprises present' })
  @all(...idList('enterpriseIds', 'enterprise'))
  enterpriseIds!: string[];

  @ApiProperty({
    type: [String],
    description: 'everyone present, names and titles, as the minutes list them',
    example: ['张书记（综合党委）', '王局长（交通运输局）'],
  })
  @IsArray({ message: 'people must be a list of names' })
  @ArrayMaxSize(200, { message: 'people may hold at most 200 names' })
  @IsString({ each: true, message: 'people must hold names' })
  @MaxLength(100, { each: true, message: 'each of people must be at most 100 characters' })
  people!: string[];
}

/** A decision (议定事项) on one agenda item: who does what by when. */
export class DecisionRequestDto {
  @ApiProperty({ format: 'uuid', description: 'the agenda item decided' })
  @IsUUID('all', { message: 'itemId must be an agenda item id (uuid)' })
  itemId!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'absent: the item’s title' })
  @IsOptional()
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiProperty({ maxLength: 2000, example: '交通运输局牵头，城管局配合，完成厂区门口道路修复' })
  @IsString({ message: 'task must be text' })
  @IsNotEmpty({ message: 'task is required' })
  @MaxLength(2000, { message: 'task must be at most 2000 characters' })
  task!: string;

  @ApiProperty({ description: 'the lead department (牵头部门)' })
  @IsString({ message: 'leadDepartmentId must be a department id' })
  @Matches(EXTERNAL_ID, { message: `leadDepartmentId ${EXTERNAL_ID_MESSAGE}` })
  leadDepartmentId!: string;

  @ApiPropertyOptional({ type: [String], description: 'co-handling departments (协办部门)' })
  @IsOptional()
  @all(...idList('coHandlerDepartmentIds', 'department'))
  coHandlerDepartmentIds?: string[];

  @ApiProperty({
    minimum: 1,
    maximum: MAX_DUE_WORKING_DAYS,
    description: 'the deadline, in working days after the meeting',
  })
  @IsInt({ message: 'dueWorkingDays must be a whole number of working days' })
  @Min(1, { message: 'dueWorkingDays must be at least 1' })
  @Max(MAX_DUE_WORKING_DAYS, { message: `dueWorkingDays must be at most ${MAX_DUE_WORKING_DAYS}` })
  dueWorkingDays!: number;

  @ApiPropertyOptional({
    default: false,
    description: 'a cooperation between enterprises or with the zone (推动达成合作), counted apart',
  })
  @IsOptional()
  @IsBoolean({ message: 'cooperation must be true or false' })
  cooperation?: boolean;
}

export class RecordMeetingRequestDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'when it took place (absent: now); never in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'heldAt must be a date and time (ISO 8601)' })
  @Matches(/^(20\d\d)-/, { message: 'heldAt must be in the years 2000 to 2099' })
  heldAt?: string;

  @ApiProperty({ type: AttendanceRequestDto })
  @IsDefined({ message: 'attendance is required' })
  @ValidateNested()
  @Type(() => AttendanceRequestDto)
  attendance!: AttendanceRequestDto;

  @ApiProperty({ maxLength: 5000, description: 'what was said (会议纪要 summary)' })
  @IsString({ message: 'summary must be text' })
  @IsNotEmpty({ message: 'summary is required' })
  @MaxLength(5000, { message: 'summary must be at most 5000 characters' })
  summary!: string;

  @ApiProperty({
    type: [DecisionRequestDto],
    description: 'one decision per decided agenda item (items not decided are left out)',
  })
  @IsArray({ message: 'decisions must be a list' })
  @ArrayMaxSize(MAX_ITEMS, { message: `decisions may hold at most ${MAX_ITEMS}` })
  @ValidateNested({ each: true })
  @Type(() => DecisionRequestDto)
  decisions!: DecisionRequestDto[];
}
