import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../../http/optional-not-null';

/** One holiday period of a notice, both ends inclusive. */
export class HolidayPeriodDto {
  @ApiProperty({ example: '元旦', maxLength: 50 })
  @IsString({ message: 'name must be a string' })
  @MaxLength(50, { message: 'name must be at most 50 characters' })
  name!: string;

  @ApiProperty({ example: '2027-01-01', maxLength: 10, description: 'YYYY-MM-DD' })
  @IsString({ message: 'from must be a date YYYY-MM-DD' })
  @MaxLength(10, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2027-01-03', maxLength: 10, description: 'YYYY-MM-DD' })
  @IsString({ message: 'to must be a date YYYY-MM-DD' })
  @MaxLength(10, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;
}

/**
 * One year's 国务院办公厅 holiday notice. The types and sizes are bounded here; validateNotice from
 * @ticketing/calendar checks the rest and names each problem (dates, overlaps, the year).
 */
export class LoadNoticeRequestDto {
  @ApiProperty({ example: 2027, type: 'integer', minimum: 1900, maximum: 2999 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(1900, { message: 'year must be between 1900 and 2999' })
  @Max(2999, { message: 'year must be between 1900 and 2999' })
  year!: number;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知', maxLength: 200 })
  @IsString({ message: 'title must be a string' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiProperty({ example: '国办发明电〔2026〕9号', maxLength: 100 })
  @IsString({ message: 'reference must be a string' })
  @MaxLength(100, { message: 'reference must be at most 100 characters' })
  reference!: string;

  @ApiProperty({ example: '2026-11-10', maxLength: 10, description: 'YYYY-MM-DD' })
  @IsString({ message: 'publishedOn must be a date YYYY-MM-DD' })
  @MaxLength(10, { message: 'publishedOn must be a date YYYY-MM-DD' })
  publishedOn!: string;

  @ApiProperty({
    type: [HolidayPeriodDto],
    maxItems: 50,
    example: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  })
  @IsArray({ message: 'holidays must be an array of {name, from, to}' })
  @ArrayMaxSize(50, { message: 'holidays must have at most 50 periods' })
  @ValidateNested({ each: true })
  @Type(() => HolidayPeriodDto)
  holidays!: HolidayPeriodDto[];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 10 },
    maxItems: 50,
    example: ['2027-02-20'],
  })
  @IsArray({ message: 'makeUpWorkdays must be an array of dates YYYY-MM-DD' })
  @ArrayMaxSize(50, { message: 'makeUpWorkdays must have at most 50 dates' })
  @IsString({ each: true, message: 'makeUpWorkdays must be dates YYYY-MM-DD' })
  @MaxLength(10, { each: true, message: 'makeUpWorkdays must be dates YYYY-MM-DD' })
  makeUpWorkdays!: string[];

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: 500 }, maxItems: 20 })
  @OptionalNotNull()
  @IsArray({ message: 'notes must be an array of strings' })
  @ArrayMaxSize(20, { message: 'notes must have at most 20 entries' })
  @IsString({ each: true, message: 'notes must be strings' })
  @MaxLength(500, { each: true, message: 'each note must be at most 500 characters' })
  notes?: string[];
}
