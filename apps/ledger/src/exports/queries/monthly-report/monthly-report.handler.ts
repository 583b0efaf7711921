import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { FIGURE_KEYS, FIGURES } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { rankDepartments } from '../../../figures/queries/get-ranking/get-ranking.handler';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { loadNames } from '../../../shared/names';
import { departmentScope } from '../../../shared/scope';
import { toLedgerRow } from '../../domain/ledger-columns';
import { LedgerRowsReader } from '../../infrastructure/ledger-rows.reader';
import { addLedgerSheet } from '../export-ledger/export-ledger.handler';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** A department's (or every department's) month: 月度汇总 with rank and the seven rates, then the 台账 rows. */
@Injectable()
export class MonthlyReportHandler {
  constructor(
    private readonly figures: FiguresReader,
    private readonly rows: LedgerRowsReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async xlsx(user: AuthUser, month: string, departmentId?: string): Promise<Buffer> {
    const dep = departmentScope(user, departmentId);
    const names = await loadNames(this.ds.manager);
    const ranking = rankDepartments(await this.figures.counters({ fromMonth: month, toMonth: month }, 'department'), names, this.settings.satisfactionWeight);
    const shown = dep === undefined ? ranking : ranking.filter((r) => r.departmentId === dep);
    const book = new ExcelJS.Workbook();
    book.creator = '吹哨报到';
    const sheet = book.addWorksheet('月度汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow([`${month} 企业诉求办理月报${dep ? `（${names.department(dep)}）` : ''}（满意率中“基本满意”按 ${this.settings.satisfactionWeight} 计）`]);
    sheet.addRow(['排名', '部门', '受理数', ...FIGURE_KEYS.map((k) => FIGURES[k].zh), '综合得分']);
    sheet.getRow(2).font = { bold: true };
    for (const r of shown) {
      sheet.addRow([r.rank, r.name, r.received, ...FIGURE_KEYS.map((k) => pct(r.rates[k])), r.score ?? '—']);
    }
    sheet.columns.forEach((c, i) => (c.width = i === 1 ? 18 : 14));
    const [y, m] = month.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const rows = await this.rows.rows({ from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, departmentId: dep });
    const now = new Date();
    addLedgerSheet(book, '工单明细', rows.map((r) => toLedgerRow(r, names, now)));
    return Buffer.from(await book.xlsx.writeBuffer());
  }
}
