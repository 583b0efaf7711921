import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../../shared/list.query.dto';

export class ListEnterprisesQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only enterprises of this grid' })
  @IsOptional()
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string;
}
