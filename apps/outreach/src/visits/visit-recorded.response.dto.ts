import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What recording a visit answers (and answers again to a retry with the same Idempotency-Key). */
export class VisitRecordedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty({ example: '2026-03', description: 'the zone’s month of the visit' }) month!: string;
  @ApiProperty({ description: 'on the instructor’s published task list for that month' }) planned!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) taskListId!: string | null;
  @ApiProperty({
    description: 'problems raised: each becomes a ticket (see GET /visits/:id for their numbers)',
  })
  problemCount!: number;
  @ApiProperty({ type: [String], description: 'needs added to the 需求清单 from this visit' })
  needIds!: string[];
  @ApiProperty() version!: number;
}
