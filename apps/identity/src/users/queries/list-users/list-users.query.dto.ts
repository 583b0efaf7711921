import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, Roles } from '@ticketing/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQueryDto } from '../../../shared/list.query.dto';

export class ListUsersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: Roles })
  @IsOptional()
  @IsIn(Roles, { message: `role must be one of ${Roles.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'enterpriseId must be a UUID' })
  enterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string;
}
