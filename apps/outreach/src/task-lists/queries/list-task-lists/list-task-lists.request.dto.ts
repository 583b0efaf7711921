import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@ticketing/platform';
import { MONTH } from '../../../shared/domain/zone-time';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

export class ListTaskListsRequestDto extends PageQuery(100) {
  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ description: 'committee and admin: one instructor’s lists' })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'instructorUserId must be a user id' })
  instructorUserId?: string;
}
