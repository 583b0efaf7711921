import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { loadNames } from '../../../shared/names';
import { departmentScope, fieldError } from '../../../shared/scope';
import { LEDGER_COLUMNS, LedgerRow, toCsv, toLedgerRow } from '../../domain/ledger-columns';
import { LedgerRowsReader } from '../../infrastructure/ledger-rows.reader';
import { ExportLedgerRequestDto } from './export-ledger.request.dto';

const MAX_DAYS = 366;

/** Adds the 台账 sheet: bold frozen header, filters, wrapped long text. */
export function addLedgerSheet(book: ExcelJS.Workbook, name: string, rows: LedgerRow[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  for (const r of rows) sheet.addRow(r);
  for (const key of ['description', 'result'] as const) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
}

@Injectable()
export class ExportLedgerHandler {
  constructor(
    private readonly reader: LedgerRowsReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
  ) {}

  async rows(user: AuthUser, q: ExportLedgerRequestDto): Promise<LedgerRow[]> {
    if (q.to < q.from) throw fieldError('to', 'must not be before from');
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86400_000 + 1;
    if (days > MAX_DAYS) throw fieldError('to', `a period of at most ${MAX_DAYS} days`);
    const rows = await this.reader.rows({ from: q.from, to: q.to, departmentId: departmentScope(user, q.departmentId) });
    const names = await loadNames(this.ds.manager);
    const now = new Date();
    return rows.map((r) => toLedgerRow(r, names, now));
  }

  async xlsx(user: AuthUser, q: ExportLedgerRequestDto): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    book.creator = '吹哨报到';
    book.created = new Date();
    addLedgerSheet(book, '问题台账', await this.rows(user, q));
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async csv(user: AuthUser, q: ExportLedgerRequestDto): Promise<Buffer> {
    const rows = await this.rows(user, q);
    return toCsv(
      LEDGER_COLUMNS.map((c) => c.header),
      rows.map((r) => LEDGER_COLUMNS.map((c) => r[c.key])),
    );
  }
}
