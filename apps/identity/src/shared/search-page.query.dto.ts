import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A directory list: pages keyed by id (the cursor is the last id of the page), searched with `q`. */
export class SearchPageQueryDto extends PageQuery(100) {
  @ApiPropertyOptional({
    description: 'search text (matches names and codes, case-insensitive)',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'q must be text' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;
}

// The cursor of these lists is the last id of a page: anything but a UUID could only fail in SQL,
// so it is refused here, naming the field (on top of PageQuery's own rule for the property).
IsUUID('all', { message: 'cursor must be the nextCursor of a previous page' })(
  SearchPageQueryDto.prototype,
  'cursor',
);
