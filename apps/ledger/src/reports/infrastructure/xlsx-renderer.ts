import ExcelJS from 'exceljs';
import { ReportDocument } from '../domain/report-document';

const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/** One sheet per section: the document's title and the notes above a bold, frozen, filtered header. */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '吹哨报到';
  book.created = new Date();
  const used = new Set<string>();
  for (const section of doc.sections) {
    let name = section.title.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${section.title.slice(0, 28)}（${i}）`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow([`${doc.title} · ${section.title}`]).font = { bold: true, size: 13 };
    sheet.addRow([doc.subtitle]);
    for (const note of section.notes) sheet.addRow([note]);
    const headerRow = sheet.rowCount + 1;
    sheet.views = [{ state: 'frozen', ySplit: headerRow }];
    sheet.addRow(section.columns.map((c) => c.header)).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map((c) => (c === null ? '—' : c)));
    section.columns.forEach((c, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = Math.max(c.width, 6);
      if (c.numFmt) col.numFmt = c.numFmt;
      if (c.width >= 30) col.alignment = { wrapText: true, vertical: 'top' };
    });
    if (section.rows.length)
      sheet.autoFilter = {
        from: { row: headerRow, column: 1 },
        to: { row: headerRow, column: section.columns.length },
      };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
