import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE, MAX_ITEMS } from '../../../shared/http/meeting-http';
import { AgendaItemRequestDto, all, idList } from '../../meeting.request.dto';

export class ScheduleMeetingRequestDto {
  @ApiProperty({ maxLength: 200, example: '2026年第一季度党政企联席会议' })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-20T06:30:00Z' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  @Matches(/^(20\d\d)-/, { message: 'startsAt must be in the years 2000 to 2099' })
  startsAt!: string;

  @ApiProperty({ maxLength: 200, example: '开发区管委会三楼会议室' })
  @IsString({ message: 'place must be text' })
  @IsNotEmpty({ message: 'place is required' })
  @MaxLength(200, { message: 'place must be at most 200 characters' })
  place!: string;

  @ApiPropertyOptional({ description: 'the convenor (召集人), a committee member; absent: you' })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: `convenorUserId ${EXTERNAL_ID_MESSAGE}` })
  convenorUserId?: string;

  @ApiProperty({
    type: [AgendaItemRequestDto],
    description:
      'tickets (agenda candidates or any), needs and topics; may be empty when follow-ups fill the agenda',
  })
  @IsArray({ message: 'items must be a list' })
  @ArrayMaxSize(MAX_ITEMS, { message: `items may hold at most ${MAX_ITEMS} items` })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemRequestDto)
  items!: AgendaItemRequestDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'departments to invite besides those the items concern (invited with them)',
  })
  @IsOptional()
  @all(...idList('invitedDepartmentIds', 'department'))
  invitedDepartmentIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'enterprises to invite besides those whose tickets or needs are on the agenda',
  })
  @IsOptional()
  @all(...idList('invitedEnterpriseIds', 'enterprise'))
  invitedEnterpriseIds?: string[];

  @ApiPropertyOptional({
    default: true,
    description:
      'add the open decisions of earlier meetings as follow-up items (their outcome is reported here)',
  })
  @IsOptional()
  @IsBoolean({ message: 'followUps must be true or false' })
  followUps?: boolean;
}
