import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, DEP_A, DEP_B, deliver, startLedger, users } from './ledger-test-kit';
import { MONTH, rateFixtures } from './rate-fixtures';

const EXPECTED_HEADERS = [
  '编号',
  '企业名称',
  '所属网格',
  '问题类别',
  '受理渠道',
  '诉求标题',
  '诉求内容',
  '承办部门',
  '协办部门',
  '承办人',
  '受理时间',
  '签收时间',
  '当前时限',
  '办结时限',
  '办结时间',
  '是否超时',
  '办理状态',
  '办理结果',
  '答复时间',
  '企业评价',
  '评价方式',
  '是否解决',
  '延期次数',
  '转办次数',
  '重办次数',
  '督办情况',
  '合并至',
];

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
const haveSoffice = soffice.status === 0;
// CI installs LibreOffice (.ci/run); there a missing soffice must fail the check, not skip it.
const runSofficeCheck = haveSoffice || process.env.CI === 'true';
if (!runSofficeCheck) {
  process.stderr.write(
    '[ledger exports] LibreOffice (soffice) is not installed: the LibreOffice check is skipped\n',
  );
}

/** A minimal RFC 4180 reader, enough to check LibreOffice's output cell by cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('ledger exports', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_exports');
    running = await startLedger(db.url);
    await deliver(running, rateFixtures());
  });

  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  const download = async (path: string, user = users.committee) => {
    const r = await api(running, 'GET', path, user);
    expect(r.status).toBe(200);
    return r;
  };

  (runSofficeCheck ? it : it.skip)(
    'the .xlsx opens in LibreOffice (headless, converted to CSV) with the headers, rows and Chinese intact',
    async () => {
      const r = await download(`/api/v1/ledger/exports/ledger.xlsx?from=2026-03-01&to=2026-03-31`);
      expect(r.headers.get('content-type')).toContain('spreadsheetml');
      expect(decodeURIComponent(r.headers.get('content-disposition')!)).toContain('台账_2026-03.xlsx');
      const dir = mkdtempSync(join(tmpdir(), 'ledger-xlsx-'));
      try {
        writeFileSync(join(dir, 'ledger.xlsx'), r.raw);
        // 76 = UTF-8; a private profile so that a running LibreOffice elsewhere does not interfere.
        const conv = spawnSync(
          'soffice',
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76',
            '--outdir',
            dir,
            join(dir, 'ledger.xlsx'),
          ],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect([conv.status, conv.stderr]).toEqual([0, expect.anything()]);
        const csvFile = readdirSync(dir).find((f) => f.endsWith('.csv'))!;
        const rows = parseCsv(readFileSync(join(dir, csvFile), 'utf8').replace(/^\uFEFF/, ''));
        expect(rows[0]).toEqual(EXPECTED_HEADERS);
        expect(rows).toHaveLength(11);
        const t2 = rows.find((row) => row[0] === 'CS-2026-fix-02')!;
        expect(t2).toBeDefined();
        const col = (name: string) => t2[EXPECTED_HEADERS.indexOf(name)];
        expect(col('企业名称')).toBe('六枝宏达机械有限公司');
        expect(col('问题类别')).toBe('用工招聘');
        expect(col('诉求内容')).toBe('第 2 号诉求，联系人张三');
        expect(col('承办部门')).toBe('人社局');
        expect(col('受理时间')).toBe('2026-03-02 09:00');
        expect(col('是否超时')).toBe('是');
        expect(col('企业评价')).toBe('基本满意');
        expect(col('所属网格')).toBe('第一网格');
        const t8 = rows.find((row) => row[0] === 'CS-2026-fix-08')!;
        expect(t8[EXPECTED_HEADERS.indexOf('协办部门')]).toBe('财政局');
        expect(t8[EXPECTED_HEADERS.indexOf('是否超时')]).toBe('否');
        const t3 = rows.find((row) => row[0] === 'CS-2026-fix-03')!;
        expect(t3[EXPECTED_HEADERS.indexOf('企业评价')]).toBe('未评价');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('the .xlsx reads back with exceljs: one 问题台账 sheet, frozen header', async () => {
    const r = await download(
      `/api/v1/ledger/exports/ledger.xlsx?from=2026-03-01&to=2026-03-31&departmentId=${DEP_B}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.raw as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('问题台账')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPECTED_HEADERS]);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(EXPECTED_HEADERS.indexOf('承办部门') + 1).value).toBe('工信局');
  });

  it('the .csv is UTF-8 with a BOM and CRLF, quoted where needed', async () => {
    const r = await download(`/api/v1/ledger/exports/ledger.csv?from=2026-03-01&to=2026-03-31`);
    expect([...r.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = r.raw.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(EXPECTED_HEADERS.join(','));
    const rows = parseCsv(text);
    expect(rows.filter((row) => row.length > 1)).toHaveLength(11);
    expect(rows.find((row) => row[0] === 'CS-2026-fix-01')![EXPECTED_HEADERS.indexOf('诉求内容')]).toBe(
      '第 1 号诉求，联系人张三',
    );
  });

  it('a department exports its own tickets only, and no other department’s', async () => {
    const r = await download(
      `/api/v1/ledger/exports/ledger.csv?from=2026-03-01&to=2026-03-31`,
      users.department(DEP_B),
    );
    expect(parseCsv(r.raw.subarray(3).toString('utf8')).filter((row) => row.length > 1)).toHaveLength(2);
    const other = await api(
      running,
      'GET',
      `/api/v1/ledger/exports/ledger.csv?from=2026-03-01&to=2026-03-31&departmentId=${DEP_A}`,
      users.department(DEP_B),
    );
    expect(other.status).toBe(403);
  });

  it('the monthly report has the ranking with rates and the month’s tickets', async () => {
    const r = await download(`/api/v1/ledger/exports/monthly-report.xlsx?month=${MONTH}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.raw as unknown as ArrayBuffer);
    const summary = book.getWorksheet('月度汇总')!;
    expect(String(summary.getRow(1).getCell(1).value)).toContain('2026-03 企业诉求办理月报');
    expect(summary.getRow(2).values).toEqual([
      undefined,
      '排名',
      '部门',
      '受理数',
      '响应率（及时签收率）',
      '按时办结率',
      '限期反馈率',
      '解决率',
      '满意率',
      '回退率（转办率）',
      '重办率',
      '综合得分（0–100）',
    ]);
    expect(summary.getRow(4).values).toEqual([
      undefined,
      2,
      '人社局',
      9,
      '88.9%',
      '71.4%',
      '83.3%',
      '80.0%',
      '96.0%',
      '11.1%',
      '16.7%',
      81.9, // the score as the dashboard shows it (0–100, one decimal): see figures.int-spec.ts
    ]);
    expect(book.getWorksheet('诉求明细')!.rowCount).toBe(11);
    expect(book.worksheets.map((w) => w.name)).toEqual(['月度汇总', '诉求明细']);
  });
});
