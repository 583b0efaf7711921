import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { FIGURE_KEYS, FigureKey } from '../../domain/figures';
import { MONTH_PATTERN, OptionalId } from '../../../shared/query-fields';

export class ExplainFigureRequestDto {
  @ApiProperty({ enum: FIGURE_KEYS })
  @IsIn(FIGURE_KEYS, { message: `figure must be one of ${FIGURE_KEYS.join(', ')}` })
  figure!: FigureKey;

  @ApiProperty({ example: '2026-03' })
  @Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM, e.g. 2026-03' })
  month!: string;

  @OptionalId('departmentId')
  departmentId?: string;

  @OptionalId('category')
  category?: string;

  @OptionalId('gridId')
  gridId?: string;
}
