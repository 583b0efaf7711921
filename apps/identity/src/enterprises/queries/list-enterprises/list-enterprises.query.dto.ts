import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import { SearchPageQueryDto } from '../../../shared/search-page.query.dto';
import { lowerCaseIds } from '../../../shared/uuid.transform';

export class ListEnterprisesQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only enterprises of this grid' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string;
}
