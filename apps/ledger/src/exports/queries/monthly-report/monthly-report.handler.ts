import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FIGURE_KEYS, FIGURES } from '../../../figures/domain/figures';
import { rankDepartments } from '../../../figures/domain/ranking';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { departmentScope } from '../../../shared/scope';
import { visibleTo } from '../../../shared/ticket-view';
import { percent, scoreValue } from '../../domain/formats';
import { toLedgerRow } from '../../domain/ledger-columns';
import { LedgerRowsReader } from '../../infrastructure/ledger-rows.reader';
import { addLedgerSheet, newWorkbook, xlsxOf } from '../../infrastructure/ledger-workbook';
import { MonthlyReportQuery } from './monthly-report.query';

/** A department's (or every department's) month: 月度汇总 with rank and the seven rates, then the 台账 rows. */
@QueryHandler(MonthlyReportQuery)
export class MonthlyReportHandler implements IQueryHandler<MonthlyReportQuery, Buffer> {
  constructor(
    private readonly figures: FiguresReader,
    private readonly rows: LedgerRowsReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute({ user, month, departmentId }: MonthlyReportQuery): Promise<Buffer> {
    const dep = departmentScope(user, departmentId);
    const names = await this.names.load();
    const ranking = rankDepartments(
      await this.figures.counters({ fromMonth: month, toMonth: month }, 'department'),
      names,
      this.settings.satisfactionWeight,
    );
    const shown = dep === undefined ? ranking : ranking.filter((r) => r.departmentId === dep);
    const book = newWorkbook();
    const sheet = book.addWorksheet('月度汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow([
      `${month} 企业诉求办理月报${dep ? `（${names.department(dep)}）` : ''}（满意率中“基本满意”按 ${this.settings.satisfactionWeight} 计）`,
    ]);
    sheet.addRow(['排名', '部门', '受理数', ...FIGURE_KEYS.map((k) => FIGURES[k].zh), '综合得分（0–100）']);
    sheet.getRow(2).font = { bold: true };
    for (const r of shown) {
      sheet.addRow([
        r.rank,
        r.name,
        r.received,
        ...FIGURE_KEYS.map((k) => percent(r.rates[k])),
        scoreValue(r.score) ?? '—',
      ]);
      sheet.getRow(sheet.rowCount).getCell(FIGURE_KEYS.length + 4).numFmt = '0.0';
    }
    sheet.columns.forEach((c, i) => (c.width = i === 1 ? 18 : 14));
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const rows = await this.rows.rows({
      from: `${month}-01`,
      to: `${month}-${String(last).padStart(2, '0')}`,
      departmentId: dep,
    });
    const now = new Date();
    addLedgerSheet(
      book,
      '诉求明细',
      visibleTo(user, rows).map((r) => toLedgerRow(r, names, now)),
    );
    return xlsxOf(book);
  }
}
