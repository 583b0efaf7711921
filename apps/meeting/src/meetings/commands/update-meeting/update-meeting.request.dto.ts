import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EXTERNAL_ID, EXTERNAL_ID_MESSAGE, MAX_ITEMS } from '../../../shared/http/meeting-http';
import { AgendaItemRequestDto, all, idList } from '../../meeting.request.dto';

/** Left out: unchanged. Given, even as null: checked (a meeting always has a title, a time, a place, a convenor; a list is a list). */
const unlessAbsent = () => ValidateIf((_, v) => v !== undefined);

export class UpdateMeetingRequestDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @unlessAbsent()
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @unlessAbsent()
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  @Matches(/^(20\d\d)-/, { message: 'startsAt must be in the years 2000 to 2099' })
  startsAt?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @unlessAbsent()
  @IsString({ message: 'place must be text' })
  @IsNotEmpty({ message: 'place must not be empty' })
  @MaxLength(200, { message: 'place must be at most 200 characters' })
  place?: string;

  @ApiPropertyOptional({ description: 'the convenor (召集人), a committee member' })
  @unlessAbsent()
  @Matches(EXTERNAL_ID, { message: `convenorUserId ${EXTERNAL_ID_MESSAGE}` })
  convenorUserId?: string;

  @ApiPropertyOptional({
    type: [AgendaItemRequestDto],
    description: 'items to add (their departments and enterprises are invited)',
  })
  @unlessAbsent()
  @IsArray({ message: 'addItems must be a list' })
  @ArrayMaxSize(MAX_ITEMS, { message: `addItems may hold at most ${MAX_ITEMS} items` })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemRequestDto)
  addItems?: AgendaItemRequestDto[];

  @ApiPropertyOptional({ type: [String], description: 'agenda items to take off (itemId)' })
  @unlessAbsent()
  @IsArray({ message: 'removeItemIds must be a list of item ids' })
  @ArrayMaxSize(MAX_ITEMS, { message: `removeItemIds may hold at most ${MAX_ITEMS} ids` })
  @IsUUID('all', { each: true, message: 'removeItemIds must hold agenda item ids (uuid)' })
  removeItemIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'the invited departments, whole (the items’ departments stay invited)',
  })
  @unlessAbsent()
  @all(...idList('invitedDepartmentIds', 'department'))
  invitedDepartmentIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'the invited enterprises, whole (the items’ enterprises stay invited)',
  })
  @unlessAbsent()
  @all(...idList('invitedEnterpriseIds', 'enterprise'))
  invitedEnterpriseIds?: string[];
}
