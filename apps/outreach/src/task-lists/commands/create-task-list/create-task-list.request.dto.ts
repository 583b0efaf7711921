import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { MONTH } from '../../../shared/domain/zone-time';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';
import { MAX_ITEMS } from '../../domain/task-list.aggregate';
import { PlannedItemRequestDto } from '../../task-list-items.request.dto';

export class CreateTaskListRequestDto {
  @ApiProperty({ description: 'the instructor the list is for' })
  @IsString({ message: 'instructorUserId must be text' })
  @Matches(EXTERNAL_ID, { message: 'instructorUserId must be a user id' })
  instructorUserId!: string;

  @ApiProperty({ example: '2026-03', description: 'YYYY-MM, the zone’s month' })
  @IsString({ message: 'month must be text' })
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({
    type: [PlannedItemRequestDto],
    maxItems: MAX_ITEMS,
    description:
      'absent: proposed by the visiting intervals (key enterprises monthly, every enterprise quarterly)',
  })
  @IsOptional()
  @IsArray({ message: 'items must be a list' })
  @ArrayMaxSize(MAX_ITEMS, { message: `items may hold at most ${MAX_ITEMS}` })
  @ValidateNested({ each: true })
  @Type(() => PlannedItemRequestDto)
  items?: PlannedItemRequestDto[];
}
