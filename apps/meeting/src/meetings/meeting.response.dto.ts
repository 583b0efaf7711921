import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgendaItemKinds, AgendaSources } from '@ticketing/contracts';
import { DecisionResponseDto, NamedRefDto } from '../decisions/decision.response.dto';

export class AgendaTicketRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'CS-2026-000123' }) number!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'in_progress' }) status!: string | null;
}

export class AgendaItemResponseDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: AgendaItemKinds }) kind!: string;
  @ApiProperty({
    enum: AgendaSources,
    description: 'escalation: the ladder sent it; manual: the committee; follow_up: an earlier decision',
  })
  source!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: AgendaTicketRefDto, description: 'a ticket item: the ticket' })
  ticket!: AgendaTicketRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) needId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: NamedRefDto }) enterprise!: NamedRefDto | null;
  @ApiProperty({ type: [NamedRefDto], description: 'the departments it concerns (invited with it)' })
  departments!: NamedRefDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: DecisionResponseDto,
    description: 'a follow-up item: the earlier decision whose outcome is reported here',
  })
  followUp!: DecisionResponseDto | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'a held meeting: the decision it made on this item',
  })
  decisionId!: string | null;
}

export class AttendanceResponseDto {
  @ApiProperty({ type: [NamedRefDto] }) departments!: NamedRefDto[];
  @ApiProperty({ type: [NamedRefDto] }) enterprises!: NamedRefDto[];
  @ApiProperty({ type: [String] }) people!: string[];
}

export class MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: NamedRefDto, description: 'the convenor (召集人)' }) convenor!: NamedRefDto;
  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) heldAt!: string | null;
  @ApiProperty() agendaItems!: number;
  @ApiProperty() decisions!: number;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
}

export class MeetingResponseDto extends MeetingSummaryDto {
  @ApiProperty({ type: [AgendaItemResponseDto] }) agenda!: AgendaItemResponseDto[];
  @ApiProperty({ type: [NamedRefDto] }) invitedDepartments!: NamedRefDto[];
  @ApiProperty({ type: [NamedRefDto] }) invitedEnterprises!: NamedRefDto[];
  @ApiPropertyOptional({ nullable: true, type: AttendanceResponseDto })
  attendance!: AttendanceResponseDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: [DecisionResponseDto], description: 'the decisions this meeting made' })
  decisionList!: DecisionResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MeetingPageDto {
  @ApiProperty({ type: [MeetingSummaryDto] }) items!: MeetingSummaryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'CS-2026-000123' }) number!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
  @ApiPropertyOptional({ nullable: true, type: NamedRefDto }) enterprise!: NamedRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: NamedRefDto }) leadDepartment!: NamedRefDto | null;
  @ApiProperty({ type: [NamedRefDto] }) coHandlerDepartments!: NamedRefDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) status!: string | null;
  @ApiProperty({
    enum: ['escalation', 'supervision'],
    description: 'the SLA ladder’s joint-meeting step, or the committee’s supervision at that level',
  })
  reason!: string;
  @ApiProperty({ format: 'date-time' }) raisedAt!: string;
  @ApiProperty() note!: string;
}

export class FollowUpCandidateDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: NamedRefDto }) meeting!: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) leadDepartment!: NamedRefDto;
  @ApiProperty({ enum: ['open', 'done'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ['yellow', 'red'] }) flag!: string | null;
}

export class CandidatesResponseDto {
  @ApiProperty({
    type: [CandidateDto],
    description: 'tickets the escalation ladder sent to the joint meeting, waiting for one',
  })
  tickets!: CandidateDto[];
  @ApiProperty({
    type: [FollowUpCandidateDto],
    description: 'open decisions of earlier meetings: a new meeting takes them as follow-up items',
  })
  followUps!: FollowUpCandidateDto[];
}

export class MeetingFigureDefinitionsDto {
  @ApiProperty({ description: 'the formula of meetingsHeld' }) meetingsHeld!: string;
  @ApiProperty({ description: 'the formula of itemsDecided' }) itemsDecided!: string;
  @ApiProperty({ description: 'the formula of decisionsSolved' }) decisionsSolved!: string;
  @ApiProperty({ description: 'the formula of cooperationsReached' }) cooperationsReached!: string;
}

export class MeetingStatsDto {
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
  @ApiProperty({ description: '召开联席会: meeting.held with heldAt in the period' }) meetingsHeld!: number;
  @ApiProperty({ description: '议定事项: meeting.decision-made with decidedAt in the period' })
  itemsDecided!: number;
  @ApiProperty({
    description: '协调解决问题: meeting.decision-closed with outcome solved, closed in the period',
  })
  decisionsSolved!: number;
  @ApiProperty({
    description: '推动达成合作: of those solved in the period, the decisions made with cooperation = true',
  })
  cooperationsReached!: number;
  @ApiProperty({
    type: MeetingFigureDefinitionsDto,
    description: 'each figure’s formula over the meeting events, as the ledger publishes it',
  })
  definitions!: Record<string, string>;
}
