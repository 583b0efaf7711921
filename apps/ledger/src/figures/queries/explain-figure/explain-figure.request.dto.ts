import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPLAINABLE_KEYS, ExplainableKey } from '../../domain/figures';
import { OptionalId, RequiredMonth } from '../../../shared/query-fields';

export class ExplainFigureRequestDto {
  @ApiProperty({ enum: EXPLAINABLE_KEYS })
  @IsIn(EXPLAINABLE_KEYS, { message: `figure must be one of ${EXPLAINABLE_KEYS.join(', ')}` })
  figure!: ExplainableKey;

  @RequiredMonth()
  month!: string;

  @OptionalId('departmentId')
  departmentId?: string;

  @OptionalId('category')
  category?: string;

  @OptionalId('gridId')
  gridId?: string;
}
