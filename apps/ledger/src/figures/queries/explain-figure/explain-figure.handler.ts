import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { departmentScope } from '../../../shared/scope';
import { COUNTERS } from '../../domain/counters';
import { EXPLAINABLE, rate } from '../../domain/figures';
import { ExplainedRow, FiguresReader } from '../../infrastructure/figures.reader';
import { ExplainFigureQuery } from './explain-figure.query';

export interface ExplainedCounter {
  counter: string;
  zh: string;
  en: string;
  sql: string;
  weight: number;
  count: number;
  truncated: boolean;
  tickets: ExplainedRow[];
}

/** A figure taken apart: its formula, its value, and the tickets in its numerator and denominator. */
@QueryHandler(ExplainFigureQuery)
export class ExplainFigureHandler implements IQueryHandler<ExplainFigureQuery> {
  constructor(
    private readonly reader: FiguresReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: ExplainFigureQuery) {
    const def = EXPLAINABLE[q.figure];
    const filter = {
      fromMonth: q.month,
      toMonth: q.month,
      departmentId: departmentScope(q.user, q.departmentId),
      category: q.category,
      gridId: q.gridId,
    };
    const part = async (counter: keyof typeof COUNTERS, weight: number): Promise<ExplainedCounter> => {
      const c = COUNTERS[counter];
      const rows = await this.reader.rowsOf(counter, filter);
      return {
        counter,
        zh: c.zh,
        en: c.en,
        sql: c.where,
        weight,
        count: rows.count,
        truncated: rows.truncated,
        tickets: rows.rows,
      };
    };
    const numerator = [];
    for (const p of def.numerator)
      numerator.push(await part(p.counter, p.weight === 'one' ? 1 : this.settings.satisfactionWeight));
    const denominator = await part(def.denominator, 1);
    const counts = Object.fromEntries([...numerator, denominator].map((c) => [c.counter, c.count]));
    const value = rate(def, { ...counts } as never, this.settings.satisfactionWeight);
    return {
      figure: q.figure,
      zh: def.zh,
      en: def.en,
      formulaZh: def.formulaZh,
      formulaEn: def.formulaEn,
      filter,
      value,
      numerator: { value: numerator.reduce((s, c) => s + c.count * c.weight, 0), parts: numerator },
      denominator,
    };
  }
}
