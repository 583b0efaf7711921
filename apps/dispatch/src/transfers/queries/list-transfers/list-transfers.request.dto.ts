import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/cursor';
import { TransferStatus, TransferStatuses } from '../../domain/transfer-request';

export class ListTransfersRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TransferStatuses, description: 'default: every status' })
  @IsOptional()
  @IsIn([...TransferStatuses], { message: `status must be one of ${TransferStatuses.join(', ')}` })
  status?: TransferStatus;
}
