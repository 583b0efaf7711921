import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionOutcomes, DecisionProgress } from '@ticketing/contracts';

export class NamedRefDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'null: not (yet) in this service’s directory copy',
  })
  name!: string | null;
}

export class DecisionReportDto {
  @ApiProperty({ type: NamedRefDto }) department!: NamedRefDto;
  @ApiProperty({ enum: ['lead', 'co_handler'] }) role!: 'lead' | 'co_handler';
  @ApiProperty({ enum: DecisionProgress }) progress!: string;
  @ApiProperty() report!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class DecisionMeetingRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '第一次联席会议' }) title!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) heldAt!: string | null;
}

export class DecisionTicketRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'CS-2026-000123' }) number!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '道路破损' }) title!: string | null;
}

export class DecisionResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: DecisionMeetingRefDto, description: 'the meeting that made it' })
  meeting!: DecisionMeetingRefDto;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'what must be done' }) task!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: DecisionTicketRefDto,
    description: 'the ticket it is about, if any',
  })
  ticket!: DecisionTicketRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) needId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: NamedRefDto }) enterprise!: NamedRefDto | null;
  @ApiProperty({ type: NamedRefDto }) leadDepartment!: NamedRefDto;
  @ApiProperty({ type: [NamedRefDto] }) coHandlerDepartments!: NamedRefDto[];
  @ApiProperty({ description: 'the deadline in working days after the meeting' }) dueWorkingDays!: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'the deadline the SLA engine computed on the zone’s calendar; null until it said',
  })
  dueAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['yellow', 'red'],
    description: '黄牌 / 红牌 from the SLA engine',
  })
  flag!: 'yellow' | 'red' | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'the escalation ladder’s last step (urge, supervise …)',
  })
  escalation!: string | null;
  @ApiProperty({ description: 'a cooperation reached (推动达成合作)' }) cooperation!: boolean;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({
    enum: ['open', 'done', 'closed'],
    description: 'done: the lead reported it done; closed: the committee closed it',
  })
  status!: string;
  @ApiPropertyOptional({ nullable: true, enum: DecisionProgress, description: 'the lead’s latest report' })
  progress!: string | null;
  @ApiProperty({ type: [DecisionReportDto] }) reports!: DecisionReportDto[];
  @ApiPropertyOptional({ nullable: true, enum: DecisionOutcomes }) outcome!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closeNote!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'the meeting where its outcome was reported',
  })
  reportedAtMeetingId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['lead', 'co_handler'],
    description: 'a department: its part in this decision',
  })
  myRole!: 'lead' | 'co_handler' | null;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
}

export class DecisionPageDto {
  @ApiProperty({ type: [DecisionResponseDto] }) items!: DecisionResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
