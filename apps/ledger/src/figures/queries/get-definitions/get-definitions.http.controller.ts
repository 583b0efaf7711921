import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { COUNTER_NAMES, COUNTERS } from '../../domain/counters';
import { FIGURE_KEYS, FIGURES, RANKING_FORMULA, RANKING_PENALTIES, RANKING_WEIGHTS } from '../../domain/figures';

class CounterDefinitionDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['fact', 'stint'], description: 'fact: one row per ticket (ledger.ticket_facts f); stint: one row per lead period (ledger.ticket_assignments a)' })
  source!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty({ description: 'the SQL predicate a row must satisfy to count' }) sql!: string;
}

class FigureDefinitionDto {
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
  @ApiProperty({ type: [CounterDefinitionDto] }) counters!: CounterDefinitionDto[];
  @ApiProperty() satisfactionWeight!: number;
  @ApiProperty() ranking!: { zh: string; en: string; weights: object; penalties: object };
  @ApiProperty() attribution!: { zh: string; en: string };
}

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures/definitions')
export class GetDefinitionsHttpController {
  constructor(@Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings) {}

  @Get()
  @Roles('committee', 'admin', 'department', 'instructor', 'enterprise')
  @ApiOperation({ summary: 'Every figure with its formula (中文 and English) and the counters it is made of, as SQL' })
  @ApiOkResponse({ type: DefinitionsResponseDto })
  definitions(): DefinitionsResponseDto {
    return {
      figures: FIGURE_KEYS.map((k) => {
        const f = FIGURES[k];
        return {
          key: k,
          zh: f.zh,
          en: f.en,
          formulaZh: f.formulaZh,
          formulaEn: f.formulaEn,
          numerator: f.numerator.map((p) => (p.weight === 'one' ? p.counter : `${this.settings.satisfactionWeight} × ${p.counter}`)),
          denominator: f.denominator,
        };
      }),
      counters: COUNTER_NAMES.map((n) => ({ name: n, source: COUNTERS[n].source, zh: COUNTERS[n].zh, en: COUNTERS[n].en, sql: COUNTERS[n].where })),
      satisfactionWeight: this.settings.satisfactionWeight,
      ranking: { ...RANKING_FORMULA, weights: RANKING_WEIGHTS, penalties: RANKING_PENALTIES },
      attribution: {
        zh: '工单按受理（提交）月份归入统计月（北京时间）；除响应率与回退率按每次分派计入当时的承办部门外，其余指标计入现承办部门；企业撤回的工单不计入任何比率；联办工单只计入牵头部门。',
        en: 'A ticket counts in the month it was submitted (Asia/Shanghai). Response and transfer rates count each lead period for the department that held it; every other figure counts for the current lead department. Withdrawn tickets are in no rate. Jointly handled tickets count for the lead department only.',
      },
    };
  }
}
