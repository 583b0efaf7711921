import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EnterpriseLineDto {
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ description: 'on the published task list' }) planned!: boolean;
  @ApiProperty() visits!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) lastVisitedAt!: string | null;
  @ApiProperty() problems!: number;
}

/** 对比 of one instructor's month. Formulas in the field descriptions. */
export class PlanVsDoneDto {
  @ApiProperty() instructorUserId!: string;
  @ApiProperty() instructorName!: string;
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ description: 'enterprises on the published task list' }) planned!: number;
  @ApiProperty({ description: 'planned enterprises visited at least once' }) visitedPlanned!: number;
  @ApiProperty({ description: 'planned − visitedPlanned' }) notVisited!: number;
  @ApiProperty({ description: 'enterprises visited that were not planned' }) visitedUnplanned!: number;
  @ApiProperty({ description: 'distinct enterprises visited' }) enterprisesVisited!: number;
  @ApiProperty({ description: 'visits, each counted' }) visits!: number;
  @ApiProperty({ description: 'problems raised in those visits' }) problems!: number;
  @ApiProperty({ description: 'problems the ticket service made tickets of' }) tickets!: number;
  @ApiProperty({ description: 'of those tickets, solved in the enterprise’s latest feedback' })
  solved!: number;
  @ApiProperty({ description: 'of those tickets, rated by the enterprise' }) rated!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'visitedPlanned ÷ planned' })
  completionRate!: number | null;
  @ApiProperty({ type: [EnterpriseLineDto] }) enterprises!: EnterpriseLineDto[];
}

export class PlanVsDoneResponseDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: [PlanVsDoneDto] }) instructors!: PlanVsDoneDto[];
}
