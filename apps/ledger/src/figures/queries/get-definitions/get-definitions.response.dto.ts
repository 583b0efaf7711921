import { ApiProperty } from '@nestjs/swagger';

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

export class DefinitionsResponseDto {
  @ApiProperty({ type: [FigureDefinitionDto] }) figures!: FigureDefinitionDto[];
  @ApiProperty({
    type: [FigureDefinitionDto],
    description: "the committee's own figures (分派及时率), in no ranking",
  })
  committeeFigures!: FigureDefinitionDto[];
  @ApiProperty({ type: [CounterDefinitionDto] }) counters!: CounterDefinitionDto[];
  @ApiProperty() satisfactionWeight!: number;
  @ApiProperty() ranking!: { zh: string; en: string; weights: object; penalties: object };
  @ApiProperty() attribution!: { zh: string; en: string };
  @ApiProperty({
    description:
      "the departments' yearly evaluation (年考评): formula and weights (LEDGER_EVALUATION_WEIGHTS)",
  })
  evaluation!: { zh: string; weights: object };
  @ApiProperty({
    description: '量化积分: the instructor score formula and weights (LEDGER_INSTRUCTOR_WEIGHTS)',
  })
  instructors!: { zh: string; en: string; weights: object };
  @ApiProperty({
    description: 'joint-meeting counts: what each counts, as SQL over ledger.meetings m / ledger.decisions d',
  })
  meetings!: object;
  @ApiProperty() scores!: { zh: string; en: string };
}
