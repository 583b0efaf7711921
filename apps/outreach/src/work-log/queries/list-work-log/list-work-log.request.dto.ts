import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DAY } from '../../../shared/domain/zone-time';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

export class ListWorkLogRequestDto {
  @ApiProperty({ example: '2026-03-01' })
  @Matches(DAY, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'inclusive; at most 93 days after from' })
  @Matches(DAY, { message: 'to must be YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ description: 'committee and admin: one instructor (absent: all)' })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'instructorUserId must be a user id' })
  instructorUserId?: string;
}
