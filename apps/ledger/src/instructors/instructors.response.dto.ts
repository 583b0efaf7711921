import { ApiProperty } from '@nestjs/swagger';
import { BilingualTextDto, InstructorWeightsDto } from '../shared/figures.response.dto';
import { InstructorFigures, InstructorPoints, RankedInstructor } from './domain/instructor-score';
import {
  ExplainedInstructorMonth,
  InstructorFiguresResult,
} from './queries/get-instructor-figures/get-instructor-figures.handler';
import { InstructorRanking } from './queries/get-instructor-ranking/get-instructor-ranking.handler';
import { VisitAllowances } from './queries/get-visit-allowances/get-visit-allowances.handler';

/** 量化积分: each part of the score, one decimal (a part without data is 0). */
export class InstructorPointsDto implements InstructorPoints {
  @ApiProperty({ description: 'plan completion × its weight' }) plan!: number;
  @ApiProperty({ description: 'problems collected × its weight' }) problems!: number;
  @ApiProperty({ description: 'solved × its weight' }) solved!: number;
  @ApiProperty({ description: 'satisfaction rate × its weight' }) satisfaction!: number;
  @ApiProperty({ description: 'activities × its weight' }) activities!: number;
}

/** Plan against done, and the outcomes of the problems collected, summed over the months. */
export class InstructorFiguresDto implements InstructorFigures {
  @ApiProperty({ type: 'integer', description: 'enterprises on the task lists, month by month' })
  planned!: number;
  @ApiProperty({ type: 'integer', description: 'of those, visited in their month' }) visitedPlanned!: number;
  @ApiProperty({ type: 'integer' }) notVisited!: number;
  @ApiProperty({ type: 'integer', description: 'enterprises visited that were not on the list' })
  visitedUnplanned!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'visitedPlanned ÷ planned; null: nothing planned',
  })
  completionRate!: number | null;
  @ApiProperty({ type: 'integer' }) visits!: number;
  @ApiProperty({ type: 'integer', description: 'problems raised in the visits' }) problems!: number;
  @ApiProperty({ type: 'integer', description: 'tickets the problems became' }) tickets!: number;
  @ApiProperty({ type: 'integer' }) solved!: number;
  @ApiProperty({ type: 'integer' }) rated!: number;
  @ApiProperty({ type: 'integer' }) satisfied!: number;
  @ApiProperty({ type: 'integer' }) basicallySatisfied!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(满意 + w × 基本满意) ÷ rated; null: none rated',
  })
  satisfactionRate!: number | null;
  @ApiProperty({ type: 'integer', description: 'work-log entries of kind activity' }) activities!: number;
}

export class RankedInstructorDto implements RankedInstructor {
  @ApiProperty({ type: 'integer', minimum: 1 }) rank!: number;
  @ApiProperty({ format: 'uuid' }) instructorUserId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'the sum of the points' }) score!: number;
  @ApiProperty({ type: InstructorPointsDto }) points!: InstructorPointsDto;
  @ApiProperty({ type: InstructorFiguresDto }) figures!: InstructorFiguresDto;
}

export class InstructorRankingDto implements InstructorRanking {
  @ApiProperty({ example: '2026-Q1', description: 'a month, a quarter or a year' }) period!: string;
  @ApiProperty({ type: [String], example: ['2026-01', '2026-02', '2026-03'] }) months!: string[];
  @ApiProperty({ type: BilingualTextDto }) formula!: BilingualTextDto;
  @ApiProperty({ type: InstructorWeightsDto, description: 'LEDGER_INSTRUCTOR_WEIGHTS' })
  weights!: InstructorRanking['weights'];
  @ApiProperty({ type: [RankedInstructorDto], description: 'best first' }) rows!: RankedInstructorDto[];
}

export class EnterpriseNameDto {
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
}

export class PlannedEnterpriseDto extends EnterpriseNameDto {
  @ApiProperty({ description: 'visited that month' }) visited!: boolean;
}

export class InstructorVisitDto {
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiProperty({ format: 'date-time' }) visitedAt!: string;
  @ApiProperty({ enum: ['on_site', 'phone', 'online'] }) mode!: string;
  @ApiProperty({ description: 'the enterprise was on the month’s task list' }) planned!: boolean;
  @ApiProperty({ type: 'integer', description: 'problems raised' }) problems!: number;
}

export class InstructorTicketDto {
  @ApiProperty({ format: 'uuid' }) visitId!: string;
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'the enterprise’s latest answer' }) solved!:
    boolean | null;
  @ApiProperty({ type: String, nullable: true }) satisfaction!: string | null;
}

export class InstructorActivityDto {
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ example: '2026-03-12' }) day!: string;
  @ApiProperty() title!: string;
}

export class InstructorMonthDto implements ExplainedInstructorMonth {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: [EnterpriseNameDto], description: 'the month’s task list (its latest revision)' })
  planned!: EnterpriseNameDto[];
  @ApiProperty({ type: [InstructorVisitDto] }) visits!: InstructorVisitDto[];
  @ApiProperty({ type: [InstructorTicketDto], description: 'tickets of the visits’ problems, outcome now' })
  tickets!: InstructorTicketDto[];
  @ApiProperty({ type: [InstructorActivityDto] }) activities!: InstructorActivityDto[];
  @ApiProperty({ type: InstructorFiguresDto, description: 'the month’s figures' })
  figures!: InstructorFiguresDto;
  @ApiProperty({ type: [PlannedEnterpriseDto] }) plan!: PlannedEnterpriseDto[];
  @ApiProperty({ type: [EnterpriseNameDto] }) visitedUnplanned!: EnterpriseNameDto[];
}

export class InstructorFiguresResponseDto implements InstructorFiguresResult {
  @ApiProperty({ format: 'uuid' }) instructorUserId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: not ranked in the period' })
  rank!: number | null;
  @ApiProperty({ type: 'integer', description: 'instructors ranked' }) of!: number;
  @ApiProperty() score!: number;
  @ApiProperty({ type: InstructorPointsDto }) points!: InstructorPointsDto;
  @ApiProperty({ type: InstructorFiguresDto }) figures!: InstructorFiguresDto;
  @ApiProperty({ type: BilingualTextDto }) formula!: BilingualTextDto;
  @ApiProperty({ type: [InstructorMonthDto] }) months!: InstructorMonthDto[];
}

export class VisitAllowanceRowDto {
  @ApiProperty({ format: 'uuid' }) instructorUserId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [Number], description: 'visits per month, January first' }) visits!: number[];
  @ApiProperty({ type: [Number], description: 'of those, on site' }) onSite!: number[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class VisitAllowancesDto implements VisitAllowances {
  @ApiProperty({ example: '2026' }) year!: string;
  @ApiProperty({ type: [String], description: 'the year’s twelve months' }) months!: string[];
  @ApiProperty({ type: [VisitAllowanceRowDto], description: 'by name' }) rows!: VisitAllowanceRowDto[];
}
