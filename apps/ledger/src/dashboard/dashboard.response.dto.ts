import { ApiProperty } from '@nestjs/swagger';
import { Counters } from '../figures/domain/counters';
import { Rates } from '../figures/domain/figures';
import { RankingRowDto } from '../figures/figures.response.dto';
import { LedgerCountersDto, LedgerRatesDto, MeetingCountsDto } from '../shared/figures.response.dto';
import { BACKLOG_BUCKETS, NowFigures } from './infrastructure/live-figures.reader';
import { Trends } from './queries/get-trends/get-trends.handler';

export class BacklogBucketDto {
  @ApiProperty({ enum: BACKLOG_BUCKETS.map((b) => b.key), description: 'days since submission' })
  key!: string;
  @ApiProperty({ example: '3天以内' }) zh!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

/** Figures of now, not of a month: open tickets, the backlog, yellow and red cards. */
export class NowFiguresDto implements NowFigures {
  @ApiProperty({ type: 'integer', description: 'open tickets' }) open!: number;
  @ApiProperty({ type: 'integer', description: 'open and not yet resolved' }) backlog!: number;
  @ApiProperty({ type: 'integer', description: 'open with a yellow card (deadline close)' }) yellow!: number;
  @ApiProperty({ type: 'integer', description: 'open with a red card (deadline passed)' }) red!: number;
  @ApiProperty({ type: [BacklogBucketDto], description: 'the backlog by age, youngest first' })
  backlogByAge!: BacklogBucketDto[];
}

export class CommitteeFiguresDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '分派及时率: tickets the committee routed by hand within its triage time ÷ those it routed',
  })
  triageRate!: number | null;
}

export class OverviewResponseDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ description: 'the weight of 基本满意 in the satisfaction rate' })
  satisfactionWeight!: number;
  @ApiProperty({ type: LedgerCountersDto, description: 'the month’s counters, every department together' })
  totals!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
  @ApiProperty({ type: CommitteeFiguresDto }) committee!: CommitteeFiguresDto;
  @ApiProperty({ type: MeetingCountsDto, description: 'the month’s joint meetings' })
  meetings!: MeetingCountsDto;
  @ApiProperty({ type: NowFiguresDto }) now!: NowFiguresDto;
  @ApiProperty({ type: [RankingRowDto], description: 'the month’s departments, best first' })
  ranking!: RankingRowDto[];
}

/** A ticket as the ledger's lists show it: ids with their names, times as ISO 8601. */
export class LedgerTicketDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'CS-2026-000123' }) number!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) enterpriseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'labour' }) category!: string | null;
  @ApiProperty({ description: 'the category’s Chinese name' }) categoryName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) gridId!: string | null;
  @ApiProperty({ type: String, nullable: true }) gridName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the lead department' })
  departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ type: String, nullable: true }) status!: string | null;
}

const CARD = { type: String, enum: ['yellow', 'red'], nullable: true } as const;
const SUPERVISION = { type: String, enum: ['urge', 'supervise', 'joint_meeting'], nullable: true } as const;
const INSTANT = { type: String, format: 'date-time', nullable: true } as const;

/** An open ticket with a card: which clocks have one, and when each is due. */
export class OverdueTicketDto extends LedgerTicketDto {
  @ApiProperty({ ...CARD, description: 'the worst card it has' }) alertLevel!: string | null;
  @ApiProperty(CARD) respondAlert!: string | null;
  @ApiProperty(CARD) resolveAlert!: string | null;
  @ApiProperty(CARD) replyAlert!: string | null;
  @ApiProperty(INSTANT) submittedAt!: string | null;
  @ApiProperty(INSTANT) respondDueAt!: string | null;
  @ApiProperty(INSTANT) resolveDueAt!: string | null;
  @ApiProperty(INSTANT) replyDueAt!: string | null;
  @ApiProperty(SUPERVISION) superviseLevel!: string | null;
}

/** A ticket on the joint meeting's agenda: when and why it got there. */
export class AgendaTicketDto extends LedgerTicketDto {
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiProperty({ type: [String], description: 'the co-handling departments’ names' })
  coHandlerNames!: string[];
  @ApiProperty(INSTANT) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) jointMeetingAt!: string;
  @ApiProperty({ type: String, nullable: true }) jointMeetingReason!: string | null;
  @ApiProperty(SUPERVISION) superviseLevel!: string | null;
  @ApiProperty(CARD) alertLevel!: string | null;
  @ApiProperty(INSTANT) resolveDueAt!: string | null;
  @ApiProperty({ type: 'integer' }) reopenCount!: number;
  @ApiProperty({ type: 'integer' }) transferCount!: number;
}

export class OverdueListDto {
  @ApiProperty({ type: [OverdueTicketDto], description: 'red first, then the longest waiting' })
  items!: OverdueTicketDto[];
}

export class AgendaListDto {
  @ApiProperty({ type: [AgendaTicketDto], description: 'in the order they reached the agenda' })
  items!: AgendaTicketDto[];
}

export class CategoryFiguresDto {
  @ApiProperty({ example: 'labour' }) category!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
}

export class MonthFiguresDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
}

export class DepartmentDashboardDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
  @ApiProperty({
    type: RankingRowDto,
    nullable: true,
    description: 'its place in the month’s ranking; null: unranked',
  })
  rank!: RankingRowDto | null;
  @ApiProperty({ type: 'integer', description: 'departments in the month’s ranking' }) departments!: number;
  @ApiProperty({ type: [CategoryFiguresDto] }) byCategory!: CategoryFiguresDto[];
  @ApiProperty({
    type: [MonthFiguresDto],
    description: 'the months with figures among the six up to this one',
  })
  trend!: MonthFiguresDto[];
  @ApiProperty({ type: NowFiguresDto }) now!: NowFiguresDto;
  @ApiProperty({ type: [OverdueTicketDto], description: 'its open tickets with a card (at most 100)' })
  overdue!: OverdueTicketDto[];
}

export class TrendPointDto {
  @ApiProperty({ example: '2026-03', description: 'a month (YYYY-MM) or a week’s Monday (YYYY-MM-DD)' })
  period!: string;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
}

export class TrendsResponseDto implements Trends {
  @ApiProperty({ enum: ['week', 'month'] }) granularity!: string;
  @ApiProperty({ type: [TrendPointDto], description: 'oldest first, up to this period' })
  points!: TrendPointDto[];
}
