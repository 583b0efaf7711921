import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * One year's 国务院办公厅 holiday notice. Fields are only whitelisted here: validateNotice from
 * @ticketing/calendar checks them all and names each problem (dates, overlaps, the year).
 */
export class LoadNoticeRequestDto {
  @ApiProperty({ example: 2027 })
  @Allow()
  year!: unknown;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @Allow()
  title!: unknown;

  @ApiProperty({ example: '国办发明电〔2026〕9号' })
  @Allow()
  reference!: unknown;

  @ApiProperty({ example: '2026-11-10' })
  @Allow()
  publishedOn!: unknown;

  @ApiProperty({ example: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] })
  @Allow()
  holidays!: unknown;

  @ApiProperty({ example: ['2027-02-20'] })
  @Allow()
  makeUpWorkdays!: unknown;

  @ApiPropertyOptional({ type: [String] })
  @Allow()
  notes?: unknown;
}
