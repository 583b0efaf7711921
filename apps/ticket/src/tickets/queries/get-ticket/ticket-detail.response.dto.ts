import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CloseOutcomes, Satisfactions, TicketStatuses, Urgencies } from '@ticketing/contracts';

export class AttachmentMetaDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
}

export class DepartmentRefDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) name!: string | null;
}

export class TicketPartDto {
  @ApiProperty({ type: DepartmentRefDto }) department!: DepartmentRefDto;
  @ApiProperty({ enum: ['lead', 'co_handler'] }) role!: 'lead' | 'co_handler';
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'the co-handler report, or the lead resolution',
  })
  content!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) reportedAt!: string | null;
}

export class TicketDeadlinesDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "the committee's, while in triage",
  })
  triage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) respond!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) resolve!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) reply!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) feedback!: string | null;
  @ApiProperty({
    description: 'per clock: yellow (deadline close) or red (passed)',
    example: { resolve: 'yellow' },
  })
  flags!: Record<string, 'yellow' | 'red'>;
  @ApiPropertyOptional({ nullable: true, enum: ['yellow', 'red'] }) flag!: 'yellow' | 'red' | null;
}

export class TimelineStepDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'acknowledge' }) action!: string;
  @ApiProperty({ example: 'ticket.acknowledged' }) eventType!: string;
  @ApiProperty({ example: { id: 'u-1', role: 'department' } }) actor!: { id: string; role: string };
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: TicketStatuses }) statusFrom!: string | null;
  @ApiProperty({ enum: TicketStatuses }) statusTo!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: "the event's own fields" }) details!: Record<string, unknown>;
}

export class FeedbackDto {
  @ApiProperty() contacted!: boolean;
  @ApiProperty() solved!: boolean;
  @ApiProperty({ enum: Satisfactions }) satisfaction!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
}

export class TicketDetailResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty({ enum: TicketStatuses }) status!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiProperty({ example: { id: 'u-1', role: 'enterprise' } }) submittedBy!: { id: string; role: string };
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: Urgencies }) urgency!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ example: { name: '张三', phone: '13800138000' } }) contact!: { name: string; phone: string };
  @ApiProperty({ type: [AttachmentMetaDto] }) attachments!: AttachmentMetaDto[];
  @ApiPropertyOptional({ nullable: true, type: DepartmentRefDto }) leadDepartment!: DepartmentRefDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: '首办: the first department that received it',
  })
  firstHandlerDepartmentId!: string | null;
  @ApiProperty({ type: [TicketPartDto] }) parts!: TicketPartDto[];
  @ApiPropertyOptional({ nullable: true, description: 'the resolution, with evidence' })
  resolution!: {
    departmentId: string;
    result: string;
    evidence: AttachmentMetaDto[];
    resolvedAt: string;
  } | null;
  @ApiPropertyOptional({ nullable: true, description: 'an extension request waiting for the committee' })
  pendingExtension!: {
    departmentId: string;
    reason: string;
    proposedDueAt: string;
    requestedAt: string;
  } | null;
  @ApiPropertyOptional({ nullable: true, type: FeedbackDto }) feedback!: FeedbackDto | null;
  @ApiProperty() repliedThisRound!: boolean;
  @ApiProperty() reopenCount!: number;
  @ApiPropertyOptional({ nullable: true, enum: CloseOutcomes }) closeOutcome!: string | null;
  @ApiProperty({ type: TicketDeadlinesDto }) deadlines!: TicketDeadlinesDto;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ type: [TimelineStepDto] }) timeline!: TimelineStepDto[];
}
