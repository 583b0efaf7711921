import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { currentMonth, monthsBetween } from '../../../shared/query-fields';
import { departmentScope } from '../../../shared/scope';
import { Counters } from '../../domain/counters';
import { rates, Rates } from '../../domain/figures';
import { FigureFilter, FiguresReader, GroupBy } from '../../infrastructure/figures.reader';
import { GetFiguresQuery } from './get-figures.query';

export interface FigureRow {
  key: string;
  name: string;
  counters: Counters;
  rates: Rates;
}

export interface FiguresResult {
  filter: FigureFilter;
  groupBy: GroupBy;
  rows: FigureRow[];
}

export const MAX_MONTHS = 36;

export function monthRange(
  from: string | undefined,
  to: string | undefined,
): { fromMonth: string; toMonth: string } {
  const fromMonth = from ?? to ?? currentMonth();
  const toMonth = to ?? fromMonth;
  if (toMonth < fromMonth) throw invalidField('to', 'must not be before from');
  if (monthsBetween(fromMonth, toMonth).length > MAX_MONTHS)
    throw invalidField('to', `at most ${MAX_MONTHS} months at a time`);
  return { fromMonth, toMonth };
}

@QueryHandler(GetFiguresQuery)
export class GetFiguresHandler implements IQueryHandler<GetFiguresQuery, FiguresResult> {
  constructor(
    private readonly reader: FiguresReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetFiguresQuery): Promise<FiguresResult> {
    const filter: FigureFilter = {
      ...monthRange(q.from, q.to),
      departmentId: departmentScope(q.user, q.departmentId),
      category: q.category,
      gridId: q.gridId,
    };
    const groupBy = q.groupBy;
    const names = await this.names.load();
    const rows = await this.reader.counters(filter, groupBy);
    const nameOf = (key: string) =>
      groupBy === 'department'
        ? names.department(key)
        : groupBy === 'category'
          ? names.category(key)
          : groupBy === 'grid'
            ? names.grid(key)
            : key;
    return {
      filter,
      groupBy,
      rows: rows.map((r) => ({
        key: r.key,
        name: nameOf(r.key),
        counters: r.counters,
        rates: rates(r.counters, this.settings.satisfactionWeight),
      })),
    };
  }
}
