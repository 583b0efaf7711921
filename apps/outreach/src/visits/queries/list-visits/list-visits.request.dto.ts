import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '@ticketing/platform';
import { MONTH } from '../../../shared/domain/zone-time';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';

export class ListVisitsRequestDto extends PageQuery(100) {
  @ApiPropertyOptional({ description: 'one enterprise’s visits (一企一档)' })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'enterpriseId must be an enterprise id' })
  enterpriseId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'instructorUserId must be a user id' })
  instructorUserId?: string;

  @ApiPropertyOptional({ example: '2026-03' })
  @IsOptional()
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month?: string;
}
