import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { departmentScope } from '../../../shared/scope';
import { Counters } from '../../domain/counters';
import { rates, Rates } from '../../domain/figures';
import { FiguresReader } from '../../infrastructure/figures.reader';
import { monthRange } from '../get-figures/get-figures.handler';
import { GetHandlerFiguresQuery } from './get-handler-figures.query';

export interface HandlerFigures {
  departmentId: string;
  departmentName: string;
  fromMonth: string;
  toMonth: string;
  rows: { handlerUserId: string | null; handlerName: string; counters: Counters; rates: Rates }[];
}

/**
 * A department's month(s) by handler: the tickets each of its people works (the latest handler
 * named), with the rates that are a ticket's (response and transfer rates are the department's lead
 * periods, not a person's: null here). Tickets without a named handler make one row of their own.
 */
@QueryHandler(GetHandlerFiguresQuery)
export class GetHandlerFiguresHandler implements IQueryHandler<GetHandlerFiguresQuery, HandlerFigures> {
  constructor(
    private readonly reader: FiguresReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetHandlerFiguresQuery): Promise<HandlerFigures> {
    const departmentId = departmentScope(q.user, q.departmentId);
    if (!departmentId) throw invalidField('departmentId', 'name the department whose handlers to show');
    const range = monthRange(q.from, q.to);
    const rows = await this.reader.byHandler({ ...range, departmentId });
    const book = await this.names.load();
    return {
      departmentId,
      departmentName: book.department(departmentId),
      ...range,
      rows: rows.map((r) => {
        const rs = rates(r.counters, this.settings.satisfactionWeight);
        return {
          handlerUserId: r.handlerUserId || null,
          handlerName: r.handlerUserId ? (r.handlerName ?? r.handlerUserId) : '未指定承办人',
          counters: r.counters,
          rates: { ...rs, responseRate: null, transferRate: null },
        };
      }),
    };
  }
}
