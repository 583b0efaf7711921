import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { departmentScope } from '../../../shared/scope';
import { visibleTo } from '../../../shared/ticket-view';
import { toLedgerRow } from '../../domain/ledger-columns';
import { LedgerRowsReader } from '../../infrastructure/ledger-rows.reader';
import { addLedgerSheet, ledgerCsv, newWorkbook, xlsxOf } from '../../infrastructure/ledger-workbook';
import { ExportLedgerQuery } from './export-ledger.query';

const MAX_DAYS = 366;

/** The 台账 of a period as a workbook or as CSV; a department exports the tickets it leads. */
@QueryHandler(ExportLedgerQuery)
export class ExportLedgerHandler implements IQueryHandler<ExportLedgerQuery, Buffer> {
  constructor(
    private readonly reader: LedgerRowsReader,
    private readonly names: NamesReader,
  ) {}

  async execute(q: ExportLedgerQuery): Promise<Buffer> {
    if (q.to < q.from) throw invalidField('to', 'must not be before from');
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86400_000 + 1;
    if (days > MAX_DAYS) throw invalidField('to', `a period of at most ${MAX_DAYS} days`);
    const rows = await this.reader.rows({
      from: q.from,
      to: q.to,
      departmentId: departmentScope(q.user, q.departmentId),
    });
    const names = await this.names.load();
    const now = new Date();
    const ledger = visibleTo(q.user, rows).map((r) => toLedgerRow(r, names, now));
    if (q.format === 'csv') return ledgerCsv(ledger);
    const book = newWorkbook();
    book.created = new Date();
    addLedgerSheet(book, '问题台账', ledger);
    return xlsxOf(book);
  }
}
