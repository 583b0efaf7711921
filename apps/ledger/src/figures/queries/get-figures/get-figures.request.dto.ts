import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { GroupBy } from '../../infrastructure/figures.reader';
import { OptionalId, OptionalMonth } from '../../../shared/query-fields';

export class GetFiguresRequestDto {
  @OptionalMonth('first month, YYYY-MM; default: the current month')
  from?: string;

  @OptionalMonth('last month, YYYY-MM; default: from')
  to?: string;

  @OptionalId('departmentId')
  departmentId?: string;

  @OptionalId('category')
  category?: string;

  @OptionalId('gridId')
  gridId?: string;

  @ApiPropertyOptional({ enum: ['none', 'department', 'category', 'grid', 'month'], default: 'none' })
  @IsOptional()
  @IsIn(['none', 'department', 'category', 'grid', 'month'], {
    message: 'groupBy must be one of none, department, category, grid, month',
  })
  groupBy?: GroupBy;
}
