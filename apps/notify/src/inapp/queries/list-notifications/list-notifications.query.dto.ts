import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export const NOTIFICATION_PAGE_SIZE = 20;

export class ListNotificationsQueryDto extends PageQuery(100) {
  @ApiPropertyOptional({ description: 'only unread ones' })
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;
}

// A bell shows a short list: a smaller page than the lists' default, documented as such.
ApiPropertyOptional({ default: NOTIFICATION_PAGE_SIZE })(ListNotificationsQueryDto.prototype, 'limit');
