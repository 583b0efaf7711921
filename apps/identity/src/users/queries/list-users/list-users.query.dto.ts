import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, Roles } from '@ticketing/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { SearchPageQueryDto } from '../../../shared/search-page.query.dto';
import { lowerCaseIds } from '../../../shared/uuid.transform';

export class ListUsersQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: Roles })
  @IsOptional()
  @IsIn(Roles, { message: `role must be one of ${Roles.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'enterpriseId must be a UUID' })
  enterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string;
}
