import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { loadNames } from '../../../shared/names';
import { currentMonth, monthsBetween } from '../../../shared/query-fields';
import { departmentScope, fieldError } from '../../../shared/scope';
import { Counters } from '../../domain/counters';
import { rates, Rates } from '../../domain/figures';
import { FigureFilter, FiguresReader, GroupBy } from '../../infrastructure/figures.reader';
import { GetFiguresRequestDto } from './get-figures.request.dto';

export interface FigureRow {
  key: string;
  name: string;
  counters: Counters;
  rates: Rates;
}

export const MAX_MONTHS = 36;

export function monthRange(from: string | undefined, to: string | undefined): { fromMonth: string; toMonth: string } {
  const fromMonth = from ?? to ?? currentMonth();
  const toMonth = to ?? fromMonth;
  if (toMonth < fromMonth) throw fieldError('to', 'must not be before from');
  if (monthsBetween(fromMonth, toMonth).length > MAX_MONTHS) throw fieldError('to', `at most ${MAX_MONTHS} months at a time`);
  return { fromMonth, toMonth };
}

@Injectable()
export class GetFiguresHandler {
  constructor(
    private readonly reader: FiguresReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async figures(user: AuthUser, q: GetFiguresRequestDto): Promise<{ filter: FigureFilter; groupBy: GroupBy; rows: FigureRow[] }> {
    const filter: FigureFilter = {
      ...monthRange(q.from, q.to),
      departmentId: departmentScope(user, q.departmentId),
      category: q.category,
      gridId: q.gridId,
    };
    const groupBy = q.groupBy ?? 'none';
    const names = await loadNames(this.ds.manager);
    const rows = await this.reader.counters(filter, groupBy);
    const nameOf = (key: string) =>
      groupBy === 'department' ? names.department(key) : groupBy === 'category' ? names.category(key) : groupBy === 'grid' ? names.grid(key) : key;
    return {
      filter,
      groupBy,
      rows: rows.map((r) => ({ key: r.key, name: nameOf(r.key), counters: r.counters, rates: rates(r.counters, this.settings.satisfactionWeight) })),
    };
  }
}
