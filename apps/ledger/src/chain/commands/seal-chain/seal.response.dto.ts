import { ApiProperty } from '@nestjs/swagger';
import { Seal } from '../../domain/ledger-chain.aggregate';

export class SealResponseDto implements Seal {
  @ApiProperty() sealNo!: number;
  @ApiProperty({ enum: ['daily', 'on_demand'] }) reason!: 'daily' | 'on_demand';
  @ApiProperty({ example: '2026-03-01' }) sealedOn!: string;
  @ApiProperty() sealedAt!: string;
  @ApiProperty() lastSeq!: number;
  @ApiProperty() lastHash!: string;
  @ApiProperty() entryCount!: number;
  @ApiProperty() prevSealHash!: string;
  @ApiProperty() sealHash!: string;
}
