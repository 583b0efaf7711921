import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TransferRequestResponseDto } from '../../transfer.response.dto';

export class TransferPageDto {
  @ApiProperty({ type: [TransferRequestResponseDto] }) items!: TransferRequestResponseDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
