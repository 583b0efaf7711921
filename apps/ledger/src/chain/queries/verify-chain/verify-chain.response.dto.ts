import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChainBreakDto {
  @ApiProperty({ description: 'the first entry at fault; for a missing entry, the missing seq' })
  seq!: number;

  @ApiProperty({
    enum: ['hash_mismatch', 'missing_seq', 'prev_hash_mismatch', 'seal_mismatch', 'beyond_head'],
  })
  problem!: string;

  @ApiProperty()
  detail!: string;

  @ApiPropertyOptional()
  sealNo?: number;
}

export class VerifyReportDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty()
  checkedEntries!: number;

  @ApiProperty()
  checkedSeals!: number;

  @ApiProperty()
  headSeq!: number;

  @ApiProperty()
  headHash!: string;

  @ApiProperty({ type: ChainBreakDto, nullable: true })
  firstBroken!: ChainBreakDto | null;

  @ApiProperty()
  verifiedAt!: string;
}
