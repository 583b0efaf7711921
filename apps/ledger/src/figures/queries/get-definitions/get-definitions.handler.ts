import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { COUNTER_NAMES, COUNTERS } from '../../domain/counters';
import {
  FigureDefinition,
  FIGURE_KEYS,
  FIGURES,
  RANKING_FORMULA,
  RANKING_PENALTIES,
  RANKING_WEIGHTS,
  TRIAGE_RATE,
  ATTRIBUTION,
} from '../../domain/figures';
import { instructorFormula } from '../../../instructors/domain/instructor-score';
import { MEETING_COUNT_DEFINITIONS } from '../../domain/meeting-counts';
import { evaluationFormula } from '../../domain/weights';
import { GetDefinitionsQuery } from './get-definitions.query';
import { DefinitionsResponseDto } from './get-definitions.response.dto';

/** Every figure's formula and the counters it is made of, as the SQL that counts them. */
@QueryHandler(GetDefinitionsQuery)
export class GetDefinitionsHandler implements IQueryHandler<GetDefinitionsQuery, DefinitionsResponseDto> {
  constructor(@Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings) {}

  async execute(_q: GetDefinitionsQuery): Promise<DefinitionsResponseDto> {
    const figure = (f: FigureDefinition) => ({
      key: f.key,
      zh: f.zh,
      en: f.en,
      formulaZh: f.formulaZh,
      formulaEn: f.formulaEn,
      numerator: f.numerator.map((p) =>
        p.weight === 'one' ? p.counter : `${this.settings.satisfactionWeight} × ${p.counter}`,
      ),
      denominator: f.denominator,
    });
    return {
      committeeFigures: [figure(TRIAGE_RATE)],
      figures: FIGURE_KEYS.map((k) => figure(FIGURES[k])),
      counters: COUNTER_NAMES.map((n) => ({
        name: n,
        source: COUNTERS[n].source,
        zh: COUNTERS[n].zh,
        en: COUNTERS[n].en,
        sql: COUNTERS[n].where,
      })),
      satisfactionWeight: this.settings.satisfactionWeight,
      ranking: { ...RANKING_FORMULA, weights: RANKING_WEIGHTS, penalties: RANKING_PENALTIES },
      evaluation: {
        zh: evaluationFormula(
          this.settings.evaluationWeights,
          Object.fromEntries(FIGURE_KEYS.map((k) => [k, FIGURES[k].zh])) as Record<
            (typeof FIGURE_KEYS)[number],
            string
          >,
        ),
        weights: this.settings.evaluationWeights,
      },
      instructors: {
        ...instructorFormula(this.settings.instructorWeights, this.settings.satisfactionWeight),
        weights: this.settings.instructorWeights,
      },
      meetings: MEETING_COUNT_DEFINITIONS,
      scores: {
        zh: '得分以 0–100 显示，保留一位小数（接口中的 0–1 得分 × 100），看板、报表与导出一致。',
        en: 'Scores are shown 0–100 with one decimal (the API’s 0–1 score × 100), alike on the dashboard, in reports and exports.',
      },
      attribution: ATTRIBUTION,
    };
  }
}
