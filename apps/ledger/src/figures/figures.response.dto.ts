import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LedgerCountersDto, LedgerRatesDto } from '../shared/figures.response.dto';
import { Counters } from './domain/counters';
import { EXPLAINABLE_KEYS, Rates } from './domain/figures';
import { RankingRow } from './domain/ranking';
import { ExplainedRow, FigureFilter, GroupBy } from './infrastructure/figures.reader';
import { ExplainedCounter } from './queries/explain-figure/explain-figure.handler';
import { FiguresResult } from './queries/get-figures/get-figures.handler';
import { HandlerFigures } from './queries/get-handler-figures/get-handler-figures.handler';
import { RankingResult } from './queries/get-ranking/get-ranking.handler';

export class FigureFilterDto implements FigureFilter {
  @ApiProperty({ example: '2026-01', description: 'YYYY-MM, inclusive' }) fromMonth!: string;
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM, inclusive' }) toMonth!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'absent: every department' }) departmentId?: string;
  @ApiPropertyOptional({ example: 'labour' }) category?: string;
  @ApiPropertyOptional({ format: 'uuid' }) gridId?: string;
}

const GROUPS: GroupBy[] = ['none', 'department', 'category', 'grid', 'month'];

export class FigureRowDto {
  @ApiProperty({
    description: 'the group: a department or grid id, a category code, a month (YYYY-MM); empty for none',
  })
  key!: string;
  @ApiProperty({ description: 'the group’s name (the key itself for a month)' }) name!: string;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
}

export class FiguresResponseDto implements FiguresResult {
  @ApiProperty({ type: FigureFilterDto }) filter!: FigureFilterDto;
  @ApiProperty({ enum: GROUPS }) groupBy!: GroupBy;
  @ApiProperty({ type: [FigureRowDto] }) rows!: FigureRowDto[];
}

export class RankingRowDto implements RankingRow {
  @ApiProperty({ type: 'integer', minimum: 1 }) rank!: number;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the ranking score in [0, 1]; null when none of its rates had data',
  })
  score!: number | null;
  @ApiProperty({ type: 'integer', description: 'tickets received' }) received!: number;
  @ApiProperty({ type: LedgerRatesDto }) rates!: Rates;
}

export class RankingResponseDto implements RankingResult {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: [RankingRowDto], description: 'best first' }) rows!: RankingRowDto[];
}

export class HandlerFiguresRowDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: no handler named' })
  handlerUserId!: string | null;
  @ApiProperty({ description: '未指定承办人 for the tickets without a named handler' }) handlerName!: string;
  @ApiProperty({ type: LedgerCountersDto }) counters!: Counters;
  @ApiProperty({
    type: LedgerRatesDto,
    description: 'responseRate and transferRate are null: they are the department’s, not a person’s',
  })
  rates!: Rates;
}

export class HandlerFiguresResponseDto implements HandlerFigures {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty({ example: '2026-01' }) fromMonth!: string;
  @ApiProperty({ example: '2026-03' }) toMonth!: string;
  @ApiProperty({ type: [HandlerFiguresRowDto] }) rows!: HandlerFiguresRowDto[];
}

/** What the ledger knows of a ticket counted by a `fact` counter (one row per ticket). */
export class ExplainedTicketFactsDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolveDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) replyDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) satisfaction!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) solved!: boolean | null;
  @ApiProperty({ type: 'integer' }) reopenCount!: number;
  @ApiProperty({ type: 'integer' }) extensionCount!: number;
  @ApiProperty() resolveBreached!: boolean;
  @ApiProperty() replyBreached!: boolean;
  @ApiProperty({ type: String, nullable: true }) status!: string | null;
  @ApiProperty({ example: 'web' }) channel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'enterprise or callback' }) feedbackVia!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the main ticket it was merged into' })
  mergedInto!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) triageDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) triageStoppedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) triageOutcome!: string | null;
}

/** What the ledger knows of a lead period counted by a `stint` counter (one row per assignment). */
export class ExplainedAssignmentFactsDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty() respondBreached!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'what ended the lead period' }) endedBy!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'how it was assigned' }) via!: string | null;
}

@ApiExtraModels(ExplainedTicketFactsDto, ExplainedAssignmentFactsDto)
export class ExplainedTicketDto implements ExplainedRow {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ type: String, nullable: true }) number!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName!: string | null;
  @ApiProperty({ description: 'the department it counts for' }) departmentId!: string;
  @ApiPropertyOptional({ type: 'integer', description: 'stint counters: which lead period of the ticket' })
  stint?: number;
  @ApiProperty({
    oneOf: [
      { $ref: getSchemaPath(ExplainedTicketFactsDto) },
      { $ref: getSchemaPath(ExplainedAssignmentFactsDto) },
    ],
    description: 'the facts the counter’s predicate reads: the ticket’s (fact) or the lead period’s (stint)',
  })
  facts!: Record<string, unknown>;
}

export class ExplainedCounterDto implements ExplainedCounter {
  @ApiProperty({ example: 'resolvedOnTime' }) counter!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ description: 'the SQL predicate a row must satisfy to count' }) sql!: string;
  @ApiProperty({ description: 'what each row weighs in the figure (1, or the satisfaction weight)' })
  weight!: number;
  @ApiProperty({ type: 'integer', description: 'every row counted' }) count!: number;
  @ApiProperty({ description: 'more rows were counted than listed (at most 2,000 are)' }) truncated!: boolean;
  @ApiProperty({ type: [ExplainedTicketDto] }) tickets!: ExplainedTicketDto[];
}

export class ExplainedNumeratorDto {
  @ApiProperty({ description: 'the weighted sum of its parts' }) value!: number;
  @ApiProperty({ type: [ExplainedCounterDto] }) parts!: ExplainedCounterDto[];
}

export class ExplainFigureResponseDto {
  @ApiProperty({ enum: EXPLAINABLE_KEYS }) figure!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty() formulaZh!: string;
  @ApiProperty() formulaEn!: string;
  @ApiProperty({ type: FigureFilterDto, description: 'one month' }) filter!: FigureFilterDto;
  @ApiProperty({ type: Number, nullable: true, description: 'the rate in [0, 1]; null when nothing was due' })
  value!: number | null;
  @ApiProperty({ type: ExplainedNumeratorDto }) numerator!: ExplainedNumeratorDto;
  @ApiProperty({ type: ExplainedCounterDto }) denominator!: ExplainedCounterDto;
}
