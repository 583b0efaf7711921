import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WorkLogKinds } from '@ticketing/contracts';

export class WorkLoggedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
}

/** A line of the work log: a visit (filled in by itself) or work logged by hand. */
export class WorkLogLineDto {
  @ApiProperty({ format: 'uuid', description: 'the entry, or the visit for kind visit' }) id!: string;
  @ApiProperty() instructorUserId!: string;
  @ApiProperty({ example: '2026-03-09' }) day!: string;
  @ApiProperty({ enum: WorkLogKinds }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) enterpriseId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) enterpriseName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) hours!: number | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class WorkLogResponseDto {
  @ApiProperty({ type: [WorkLogLineDto] }) items!: WorkLogLineDto[];
}
