import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MONTH } from '../../../shared/domain/zone-time';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

export class PlanVsDoneRequestDto {
  @ApiProperty({ example: '2026-03' })
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({
    description: 'committee and admin: one instructor (absent: every instructor of the month)',
  })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'instructorUserId must be a user id' })
  instructorUserId?: string;
}
