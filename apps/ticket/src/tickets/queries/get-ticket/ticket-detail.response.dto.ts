import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import {
  CloseOutcomes,
  FeedbackSources,
  MessageAuthors,
  Roles,
  Satisfactions,
  SlaPauseReasons,
  TicketChannels,
  TicketStatuses,
  Urgencies,
} from '@ticketing/contracts';

/** Who did something: a user, or the system itself. */
export class TicketActorDto {
  @ApiProperty({ example: 'u-1', description: 'a user’s id, or system' }) id!: string;
  @ApiProperty({ enum: [...Roles, 'system'] }) role!: string;
}

/** Per clock (triage, respond, resolve, reply, feedback …): why it stopped counting. */
export const PAUSED_BY_CLOCK: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: { type: 'string', enum: [...SlaPauseReasons] },
  example: { resolve: 'awaiting_enterprise' },
};

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
    type: 'object',
    additionalProperties: { type: 'string', enum: ['yellow', 'red'] },
    description: 'per clock (respond, resolve, reply …): yellow (deadline close) or red (passed)',
    example: { resolve: 'yellow' },
  })
  flags!: Record<string, 'yellow' | 'red'>;
  @ApiPropertyOptional({ nullable: true, enum: ['yellow', 'red'] }) flag!: 'yellow' | 'red' | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "回访: the committee's window to call the enterprise, once its feedback window lapsed",
  })
  callback!: string | null;
  @ApiProperty({
    ...PAUSED_BY_CLOCK,
    description:
      'clocks that stopped counting, and why (awaiting_enterprise: a question waits for the enterprise’s answer; extension_pending; transfer_pending); the deadline moves by the working time paused',
  })
  paused!: Record<string, string>;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: "when the enterprise's feedback window lapsed without a rating (then 待回访)",
  })
  feedbackLapsedAt!: string | null;
}

export class TimelineStepDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'acknowledge' }) action!: string;
  @ApiProperty({ example: 'ticket.acknowledged' }) eventType!: string;
  @ApiProperty({ type: TicketActorDto }) actor!: TicketActorDto;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: TicketStatuses }) statusFrom!: string | null;
  @ApiProperty({ enum: TicketStatuses }) statusTo!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "the event's own fields (its payload in docs/events.md, less the ticket's); {} where hidden",
  })
  details!: Record<string, unknown>;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'a step the ticket wrote itself: a code to render in the reader’s language (closed.satisfied, closed.callbackLapsed, closed.feedbackLapsed, followed.main, reopened.leftMain)',
  })
  reasonCode!: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'the parameters of reasonCode',
  })
  reasonParams!: Record<string, unknown> | null;
}

export class FeedbackDto {
  @ApiProperty() contacted!: boolean;
  @ApiProperty() solved!: boolean;
  @ApiProperty({ enum: Satisfactions }) satisfaction!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ format: 'date-time' }) givenAt!: string;
  @ApiProperty({
    enum: FeedbackSources,
    description: 'enterprise: rated by the enterprise; callback: recorded by the committee on a call (回访)',
  })
  via!: string;
}

export class InformationRequestDto {
  @ApiProperty({ format: 'uuid', description: 'requestId when answering' }) id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() question!: string;
  @ApiProperty() askedBy!: string;
  @ApiProperty({ format: 'date-time' }) askedAt!: string;
  @ApiProperty({
    enum: ['open', 'answered', 'unanswered'],
    description: 'open: waits for the answer; unanswered: the ticket was resolved or merged before an answer',
  })
  state!: 'open' | 'answered' | 'unanswered';
  @ApiPropertyOptional({ nullable: true, type: String }) answer!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answeredBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ type: [AttachmentMetaDto], description: 'the files sent with the answer' })
  attachments!: AttachmentMetaDto[];
}

export class ConversationEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TicketActorDto }) actor!: TicketActorDto;
  @ApiProperty({
    enum: MessageAuthors,
    description: 'messages: who wrote it; notes: department or committee',
  })
  author!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [AttachmentMetaDto] }) attachments!: AttachmentMetaDto[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class TicketConversationDto {
  @ApiProperty({
    type: [InformationRequestDto],
    description: '补充材料: the questions to the enterprise, oldest first',
  })
  informationRequests!: InformationRequestDto[];
  @ApiProperty({ type: [ConversationEntryDto], description: 'messages both ways, oldest first' })
  messages!: ConversationEntryDto[];
  @ApiPropertyOptional({
    type: [ConversationEntryDto],
    description:
      '内部备注, oldest first: present only for the departments on the ticket and the committee (absent for the enterprise, its instructor and the admin)',
  })
  notes?: ConversationEntryDto[];
}

export class TicketHandlerDto {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class TicketRefDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty() number!: string;
}

export class TicketContactDto {
  @ApiProperty({ example: '张三' }) name!: string;
  @ApiProperty({ example: '13800138000' }) phone!: string;
}

export class TicketResolutionDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty() result!: string;
  @ApiProperty({ type: [AttachmentMetaDto] }) evidence!: AttachmentMetaDto[];
  @ApiProperty({ format: 'date-time' }) resolvedAt!: string;
}

export class PendingExtensionDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) proposedDueAt!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
}

export class TicketDetailResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty({ enum: TicketStatuses }) status!: string;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiProperty({ type: TicketActorDto }) submittedBy!: TicketActorDto;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: Urgencies }) urgency!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) location!: string | null;
  @ApiProperty({ type: TicketContactDto }) contact!: TicketContactDto;
  @ApiProperty({ type: [AttachmentMetaDto] }) attachments!: AttachmentMetaDto[];
  @ApiProperty({
    enum: TicketChannels,
    description: '受理渠道: web form, or an instructor’s visit (来自走访)',
  })
  channel!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'channel visit: the visit (GET /api/v1/outreach/visits/:id)',
  })
  visitId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: DepartmentRefDto }) leadDepartment!: DepartmentRefDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: '首办: the first department that received it',
  })
  firstHandlerDepartmentId!: string | null;
  @ApiProperty({ type: [TicketPartDto] }) parts!: TicketPartDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: TicketResolutionDto,
    description: 'the resolution, with evidence',
  })
  resolution!: TicketResolutionDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: PendingExtensionDto,
    description: 'an extension request waiting for the committee',
  })
  pendingExtension!: PendingExtensionDto | null;
  @ApiPropertyOptional({ nullable: true, type: FeedbackDto }) feedback!: FeedbackDto | null;
  @ApiProperty() repliedThisRound!: boolean;
  @ApiProperty() reopenCount!: number;
  @ApiPropertyOptional({ nullable: true, enum: CloseOutcomes }) closeOutcome!: string | null;
  @ApiProperty({ type: TicketDeadlinesDto }) deadlines!: TicketDeadlinesDto;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({
    type: [TimelineStepDto],
    description: 'every step; for the enterprise, its instructor and the admin without internal notes',
  })
  timeline!: TimelineStepDto[];
  @ApiProperty({ type: TicketConversationDto }) conversation!: TicketConversationDto;
  @ApiPropertyOptional({
    nullable: true,
    type: TicketHandlerDto,
    description: '承办人 in the lead department',
  })
  handler!: TicketHandlerDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: TicketRefDto,
    description: 'a duplicate: the main ticket it was merged into',
  })
  mergedInto!: TicketRefDto | null;
  @ApiProperty({
    description: 'a merged duplicate that still receives the main ticket’s answers (not reopened on its own)',
  })
  followsMain!: boolean;
  @ApiProperty({
    type: [TicketRefDto],
    description:
      'a main ticket: the duplicates merged into it (staff only; [] for the enterprise and its instructor)',
  })
  duplicates!: TicketRefDto[];
  @ApiProperty({
    type: [String],
    description:
      'related tickets linked by the committee (staff only; [] for the enterprise and its instructor)',
  })
  relatedTicketIds!: string[];
  @ApiProperty({
    description:
      '待回访: resolved, the enterprise’s feedback window lapsed without a rating, and the committee may record a callback',
  })
  awaitingCallback!: boolean;
}
