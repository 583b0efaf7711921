import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TicketChannels, TicketStatuses, Urgencies } from '@ticketing/contracts';
import { PAUSED_BY_CLOCK, TicketHandlerDto } from '../get-ticket/ticket-detail.response.dto';

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
  @ApiProperty({ enum: TicketChannels, description: '受理渠道' }) channel!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'channel visit: the visit',
  })
  visitId!: string | null;
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
  @ApiProperty({ ...PAUSED_BY_CLOCK, description: 'clocks that stopped counting, and why' })
  paused!: Record<string, string>;
  @ApiPropertyOptional({ nullable: true, type: TicketHandlerDto, description: '承办人' })
  handler!: TicketHandlerDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'a duplicate: its main ticket',
  })
  mergedIntoId!: string | null;
  @ApiProperty({ description: 'a duplicate still following its main ticket' }) followsMain!: boolean;
  @ApiProperty({ description: '补充材料: a question waits for the enterprise’s answer' })
  awaitingInformation!: boolean;
  @ApiProperty({ description: '待回访: the feedback window lapsed without a rating' })
  awaitingCallback!: boolean;
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
