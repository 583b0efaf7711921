import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';

const STATUSES = ['scheduled', 'held', 'cancelled'];
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ListMeetingsRequestDto extends PageQuery(100) {
  @ApiPropertyOptional({ description: `comma-separated: ${STATUSES.join(', ')}` })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'status must be a comma-separated list' })
  @ArrayMaxSize(STATUSES.length, { message: 'status lists each status at most once' })
  @IsIn(STATUSES, { each: true, message: `status must hold ${STATUSES.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'meetings starting on or after this day (Beijing time)',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a day (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'meetings starting on or before this day' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a day (YYYY-MM-DD)' })
  to?: string;
}
