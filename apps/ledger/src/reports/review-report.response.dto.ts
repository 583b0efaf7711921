import { ApiProperty } from '@nestjs/swagger';
import { Counters } from '../figures/domain/counters';
import { FigureKey, Rates } from '../figures/domain/figures';
import { EvaluationWeights } from '../figures/domain/weights';
import { RankedInstructorDto } from '../instructors/instructors.response.dto';
import {
  FigureWeightsDto,
  LedgerCountersDto,
  LedgerRatesDto,
  MeetingCountsDto,
  RatePart,
  RatePartsDto,
} from '../shared/figures.response.dto';
import { ReportDepartment, ReportMeeting, ReportTicket, ReviewReport } from './domain/review-report';

const TEXT = { type: String, nullable: true } as const;
const INSTANT = { type: String, format: 'date-time', nullable: true } as const;

export class ReportFormulaDto {
  @ApiProperty({ description: 'the ranking score' }) ranking!: string;
  @ApiProperty({ ...TEXT, description: 'the yearly evaluation (a year’s report only)' }) evaluation!:
    string | null;
  @ApiProperty({ ...TEXT, description: 'the instructor score (the whole zone’s report only)' })
  instructors!: string | null;
  @ApiProperty({ description: 'how tickets are attributed to months and departments' }) attribution!: string;
}

export class ReportTotalsDto {
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
  @ApiProperty({ type: RatePartsDto }) parts!: Record<FigureKey, RatePart>;
  @ApiProperty({ example: '12（其中回访 3）', description: 'feedback received, and how much by callback' })
  feedback!: string;
  @ApiProperty({ type: Number, nullable: true, description: '分派及时率, the committee’s own' })
  triageRate!: number | null;
}

export class ReportChannelDto {
  @ApiProperty({ enum: ['web', 'visit', 'phone', 'walk_in', 'group_chat', 'letter'] }) channel!: string;
  @ApiProperty({ example: '网上' }) name!: string;
  @ApiProperty({ type: 'integer' }) received!: number;
}

export class ReportDepartmentDto implements ReportDepartment {
  @ApiProperty({ type: 'integer', minimum: 1 }) rank!: number;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'what the report ranks by, 0–1: the ranking score (quarter) or the yearly evaluation (year)',
  })
  score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rankingScore!: number | null;
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
  @ApiProperty({ type: RatePartsDto }) parts!: Record<FigureKey, RatePart>;
}

export class ReportTicketDto implements ReportTicket {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty(TEXT) status!: string | null;
  @ApiProperty(INSTANT) resolveDueAt!: string | null;
  @ApiProperty(INSTANT) resolvedAt!: string | null;
  @ApiProperty(INSTANT) replyDueAt!: string | null;
  @ApiProperty(INSTANT) repliedAt!: string | null;
  @ApiProperty({ type: 'integer' }) reopenCount!: number;
  @ApiProperty({ type: String, enum: ['urge', 'supervise', 'joint_meeting'], nullable: true })
  superviseLevel!: string | null;
  @ApiProperty(TEXT) result!: string | null;
  @ApiProperty(TEXT) replyMessage!: string | null;
}

export class ReportTicketListDto {
  @ApiProperty({ type: 'integer', description: 'every one in the period, listed or not' }) total!: number;
  @ApiProperty({ type: [ReportTicketDto] }) tickets!: ReportTicketDto[];
}

export class ReportDecisionDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty(TEXT) title!: string | null;
  @ApiProperty(TEXT) task!: string | null;
  @ApiProperty(TEXT) leadDepartmentId!: string | null;
  @ApiProperty() leadDepartmentName!: string;
  @ApiProperty(INSTANT) dueAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) breached!: boolean | null;
  @ApiProperty({ description: 'marked as a cooperation (推动达成合作)' }) cooperation!: boolean;
  @ApiProperty(TEXT) progress!: string | null;
  @ApiProperty(TEXT) lastReport!: string | null;
  @ApiProperty(TEXT) outcome!: string | null;
}

export class ReportMeetingDto implements ReportMeeting {
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty(TEXT) title!: string | null;
  @ApiProperty(INSTANT) heldAt!: string | null;
  @ApiProperty(TEXT) place!: string | null;
  @ApiProperty(TEXT) summary!: string | null;
  @ApiProperty({ type: [ReportDecisionDto] }) decisions!: ReportDecisionDto[];
}

export class ReportMeetingsDto {
  @ApiProperty({ type: MeetingCountsDto }) counts!: MeetingCountsDto;
  @ApiProperty({ type: [ReportMeetingDto], description: 'the meetings held in the period' })
  held!: ReportMeetingDto[];
}

/** 季度督查 / 年度考评: the model the .xlsx and .pdf are made from. */
export class ReviewReportDto implements ReviewReport {
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ enum: ['quarter', 'year'] }) kind!: 'quarter' | 'year';
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2026-10' }) from!: string;
  @ApiProperty({ example: '2026-12' }) to!: string;
  @ApiProperty({ type: [String] }) months!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the department it is about; null: the whole zone',
  })
  departmentId!: string | null;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() satisfactionWeight!: number;
  @ApiProperty({ type: ReportFormulaDto }) formula!: ReportFormulaDto;
  @ApiProperty({
    type: FigureWeightsDto,
    nullable: true,
    description: 'a year’s report: LEDGER_EVALUATION_WEIGHTS',
  })
  evaluationWeights!: EvaluationWeights | null;
  @ApiProperty({ type: ReportTotalsDto }) totals!: ReportTotalsDto;
  @ApiProperty({ type: [ReportChannelDto], description: 'tickets received by channel' })
  channels!: ReportChannelDto[];
  @ApiProperty({ type: [ReportDepartmentDto], description: 'best first' })
  departments!: ReportDepartmentDto[];
  @ApiProperty({
    type: [RankedInstructorDto],
    nullable: true,
    description: 'the instructors, best first; null in a department’s report',
  })
  instructors!: RankedInstructorDto[] | null;
  @ApiProperty({ type: ReportTicketListDto }) overdue!: ReportTicketListDto;
  @ApiProperty({ type: ReportTicketListDto }) reopened!: ReportTicketListDto;
  @ApiProperty({ type: ReportTicketListDto }) supervised!: ReportTicketListDto;
  @ApiProperty({ type: ReportMeetingsDto }) meetings!: ReportMeetingsDto;
}
