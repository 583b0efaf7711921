import { ApiProperty } from '@nestjs/swagger';
import {
  BilingualTextDto,
  FigureWeightsDto,
  InstructorWeightsDto,
  RankingPenaltiesDto,
  RankingWeightsDto,
} from '../../../shared/figures.response.dto';

export class CounterDefinitionDto {
  @ApiProperty() name!: string;
  @ApiProperty({
    enum: ['fact', 'stint'],
    description:
      'fact: one row per ticket (ledger.ticket_facts f); stint: one row per lead period (ledger.ticket_assignments a)',
  })
  source!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ description: 'the SQL predicate a row must satisfy to count' }) sql!: string;
}

export class FigureDefinitionDto {
  @ApiProperty() key!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty() formulaZh!: string;
  @ApiProperty() formulaEn!: string;
  @ApiProperty({ type: [String] }) numerator!: string[];
  @ApiProperty() denominator!: string;
}

export class RankingFormulaDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ type: RankingWeightsDto, description: 'the figures the score averages, with their weights' })
  weights!: object;
  @ApiProperty({ type: RankingPenaltiesDto, description: 'what the score subtracts, per figure' })
  penalties!: object;
}

export class EvaluationFormulaDto {
  @ApiProperty() zh!: string;
  @ApiProperty({ type: FigureWeightsDto, description: 'LEDGER_EVALUATION_WEIGHTS' }) weights!: object;
}

export class InstructorFormulaDto {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ type: InstructorWeightsDto, description: 'LEDGER_INSTRUCTOR_WEIGHTS' }) weights!: object;
}

export class MeetingCountDefinitionDto {
  @ApiProperty() en!: string;
  @ApiProperty() zh!: string;
  @ApiProperty({ description: 'the SQL predicate over ledger.meetings m / ledger.decisions d' }) sql!: string;
}

export class MeetingCountDefinitionsDto {
  @ApiProperty({ type: MeetingCountDefinitionDto }) held!: MeetingCountDefinitionDto;
  @ApiProperty({ type: MeetingCountDefinitionDto }) decided!: MeetingCountDefinitionDto;
  @ApiProperty({ type: MeetingCountDefinitionDto }) solved!: MeetingCountDefinitionDto;
  @ApiProperty({ type: MeetingCountDefinitionDto }) cooperations!: MeetingCountDefinitionDto;
}

export class DefinitionsResponseDto {
  @ApiProperty({ type: [FigureDefinitionDto] }) figures!: FigureDefinitionDto[];
  @ApiProperty({
    type: [FigureDefinitionDto],
    description: "the committee's own figures (分派及时率), in no ranking",
  })
  committeeFigures!: FigureDefinitionDto[];
  @ApiProperty({ type: [CounterDefinitionDto] }) counters!: CounterDefinitionDto[];
  @ApiProperty({
    description: 'the weight of 基本满意 in the satisfaction rate (LEDGER_SATISFACTION_WEIGHT)',
  })
  satisfactionWeight!: number;
  @ApiProperty({ type: RankingFormulaDto, description: 'the monthly ranking score' })
  ranking!: RankingFormulaDto;
  @ApiProperty({
    type: BilingualTextDto,
    description: 'how tickets are attributed to months and departments',
  })
  attribution!: BilingualTextDto;
  @ApiProperty({
    type: EvaluationFormulaDto,
    description:
      "the departments' yearly evaluation (年考评): formula and weights (LEDGER_EVALUATION_WEIGHTS)",
  })
  evaluation!: EvaluationFormulaDto;
  @ApiProperty({
    type: InstructorFormulaDto,
    description: '量化积分: the instructor score formula and weights (LEDGER_INSTRUCTOR_WEIGHTS)',
  })
  instructors!: InstructorFormulaDto;
  @ApiProperty({
    type: MeetingCountDefinitionsDto,
    description: 'joint-meeting counts: what each counts, as SQL over ledger.meetings m / ledger.decisions d',
  })
  meetings!: MeetingCountDefinitionsDto;
  @ApiProperty({ type: BilingualTextDto, description: 'how scores are shown' }) scores!: BilingualTextDto;
}
