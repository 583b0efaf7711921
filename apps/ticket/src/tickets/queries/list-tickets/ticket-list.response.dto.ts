import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TicketStatuses, Urgencies } from '@ticketing/contracts';

export class TicketSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: TicketStatuses }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: Urgencies }) urgency!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) leadDepartmentId!: string | null;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'the deadline that matters in this status',
  })
  dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['triage', 'respond', 'resolve', 'feedback'] }) dueKind!:
    string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['yellow', 'red'] }) flag!: 'yellow' | 'red' | null;
}

export class TicketListResponseDto {
  @ApiProperty({ type: [TicketSummaryDto] }) items!: TicketSummaryDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
