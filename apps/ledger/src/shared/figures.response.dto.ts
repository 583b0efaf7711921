import { ApiProperty } from '@nestjs/swagger';
import { COUNTER_NAMES, COUNTERS } from '../figures/domain/counters';
import { FIGURE_KEYS, FIGURES, RANKING_PENALTIES, RANKING_WEIGHTS } from '../figures/domain/figures';
import { MEETING_COUNT_DEFINITIONS } from '../figures/domain/meeting-counts';
export type { RatePart } from '../reports/domain/review-report';
import { INSTRUCTOR_WEIGHT_NAMES } from '../figures/domain/weights';

/**
 * The shapes the ledger's answers share, for the API document: its counters and rates (one
 * property per counter and figure, from the very lists that compute them), formulas and weights.
 */
const property = (target: object, name: string, options: Parameters<typeof ApiProperty>[0]) =>
  ApiProperty(options)(target, name);

/** Every counter of a group (department, month, category …), by name; see GET …/figures/definitions. */
export class LedgerCountersDto {}
for (const name of COUNTER_NAMES)
  property(LedgerCountersDto.prototype, name, {
    type: 'integer',
    description: `${COUNTERS[name].zh}: ${COUNTERS[name].en}`,
  });

/** Every figure, by key: a rate in [0, 1] rounded to 4 places, null when nothing was due. */
export class LedgerRatesDto {}
for (const key of FIGURE_KEYS)
  property(LedgerRatesDto.prototype, key, {
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: `${FIGURES[key].zh}: ${FIGURES[key].formulaEn}`,
  });

/** A weight per figure (the yearly evaluation; a negative one is subtracted). */
export class FigureWeightsDto {}
for (const key of FIGURE_KEYS) property(FigureWeightsDto.prototype, key, { type: Number });

/** The ranking score's weights, for the figures it averages. */
export class RankingWeightsDto {}
for (const key of Object.keys(RANKING_WEIGHTS))
  property(RankingWeightsDto.prototype, key, { type: Number, example: RANKING_WEIGHTS[key as 'replyRate'] });

/** What the ranking score subtracts, per figure. */
export class RankingPenaltiesDto {}
for (const key of Object.keys(RANKING_PENALTIES))
  property(RankingPenaltiesDto.prototype, key, {
    type: Number,
    example: RANKING_PENALTIES[key as 'reopenRate'],
  });

/** The instructor score's weights (LEDGER_INSTRUCTOR_WEIGHTS). */
export class InstructorWeightsDto {}
for (const name of INSTRUCTOR_WEIGHT_NAMES) property(InstructorWeightsDto.prototype, name, { type: Number });

/** A text in the UI's two languages. */
export class BilingualTextDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

/** 联席会议 counts of a period. */
export class MeetingCountsDto {
  @ApiProperty({ type: 'integer', description: MEETING_COUNT_DEFINITIONS.held.en }) held!: number;
  @ApiProperty({ type: 'integer', description: MEETING_COUNT_DEFINITIONS.decided.en }) decided!: number;
  @ApiProperty({ type: 'integer', description: MEETING_COUNT_DEFINITIONS.solved.en }) solved!: number;
  @ApiProperty({ type: 'integer', description: MEETING_COUNT_DEFINITIONS.cooperations.en })
  cooperations!: number;
}

/** A rate with what it is made of: the numerator (weighted, for satisfaction) over the denominator. */
export class RatePartDto {
  @ApiProperty() numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when nothing was due' }) value!:
    number | null;
}

/** Every figure, by key, with its numerator and denominator. */
export class RatePartsDto {}
for (const key of FIGURE_KEYS) property(RatePartsDto.prototype, key, { type: RatePartDto });
