import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportDocument } from '../domain/report-document';
import { pdfFont, PdfFontMissingError } from './pdf-font';
import { renderPdf } from './pdf-renderer';
import { renderXlsx } from './xlsx-renderer';

const haveFont = (() => {
  try {
    pdfFont(null);
    return true;
  } catch {
    return false;
  }
})();
const havePdftotext = spawnSync('pdftotext', ['-v']).status === 0;
// CI installs both (.ci/run): there a missing one must fail the check, not skip it.
const run = (haveFont && havePdftotext) || process.env.CI === 'true';

const doc: ReportDocument = {
  title: '2026年第四季度督查报告',
  subtitle: '统计期 2026-10-01 至 2026-12-31（北京时间）',
  sections: [
    {
      title: '部门排名',
      notes: ['综合得分 = 加权平均 − 0.1 × 回退率 − 0.1 × 重办率'],
      columns: [
        { header: '排名', width: 6 },
        { header: '部门', width: 14 },
        { header: '综合得分', width: 10, numFmt: '0.0' },
        { header: '响应率', width: 16 },
      ],
      rows: Array.from({ length: 60 }, (_, i) => [i + 1, `人社局${i}`, 96.7, '8/9 = 88.9%']),
    },
    { title: '超时诉求', notes: [], columns: [{ header: '编号', width: 10 }], rows: [] },
  ],
};

describe('the report renderers', () => {
  (run ? it : it.skip)(
    'the PDF is real: pdftotext reads the Chinese and the figures back, across pages',
    async () => {
      const pdf = await renderPdf(doc, pdfFont(null));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'ledger-pdf-'));
      try {
        writeFileSync(join(dir, 'r.pdf'), pdf);
        const out = spawnSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
        expect(out.status).toBe(0);
        expect(out.stdout).toContain('2026年第四季度督查报告');
        expect(out.stdout).toContain('人社局59');
        expect(out.stdout).toContain('8/9 = 88.9%');
        expect(out.stdout).toContain('（无）');
        expect(out.stdout).toMatch(/第 2 页，共 \d+ 页/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('a font the setting names but that is not there is said plainly', () => {
    expect(() => pdfFont('/nowhere/font.ttc#X')).toThrow(PdfFontMissingError);
    expect(() => pdfFont('/nowhere/font.ttc#X')).toThrow(/LEDGER_PDF_FONT names \/nowhere\/font.ttc#X/);
  });

  it('the .xlsx has a sheet per section, the header frozen under the notes, scores as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['部门排名', '超时诉求']);
    const sheet = book.getWorksheet('部门排名')!;
    expect(sheet.getRow(4).values).toEqual([undefined, '排名', '部门', '综合得分', '响应率']);
    expect(sheet.getRow(5).getCell(3).value).toBe(96.7);
    expect(sheet.getColumn(3).numFmt).toBe('0.0');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });
});
