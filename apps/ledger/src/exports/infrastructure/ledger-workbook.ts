import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, LedgerRow, toCsv } from '../domain/ledger-columns';

export function newWorkbook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = '吹哨报到';
  return book;
}

/** Adds the 台账 sheet: bold frozen header, filters, wrapped long text. */
export function addLedgerSheet(book: ExcelJS.Workbook, name: string, rows: LedgerRow[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  for (const r of rows) sheet.addRow(r);
  for (const key of ['description', 'result'] as const)
    sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
}

export async function xlsxOf(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 台账 as CSV, its columns in the sheet's order. */
export const ledgerCsv = (rows: LedgerRow[]): Buffer =>
  toCsv(
    LEDGER_COLUMNS.map((c) => c.header),
    rows.map((r) => LEDGER_COLUMNS.map((c) => r[c.key])),
  );
