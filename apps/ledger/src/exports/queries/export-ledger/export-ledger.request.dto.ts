import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AccessTokenField, DATE_PATTERN, OptionalId } from '../../../shared/query-fields';

export class ExportLedgerRequestDto {
  @ApiProperty({ example: '2026-03-01', description: 'first day (Asia/Shanghai), by submission' })
  @Matches(DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day, inclusive' })
  @Matches(DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @OptionalId('departmentId')
  departmentId?: string;

  @AccessTokenField()
  access_token?: string;
}
