import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { IsIn, IsOptional } from 'class-validator';
import { TransferStatus, TransferStatuses } from '../../domain/transfer-request';

export class ListTransfersRequestDto extends PageQuery(200) {
  @ApiPropertyOptional({ enum: TransferStatuses, description: 'default: every status' })
  @IsOptional()
  @IsIn([...TransferStatuses], { message: `status must be one of ${TransferStatuses.join(', ')}` })
  status?: TransferStatus;
}
