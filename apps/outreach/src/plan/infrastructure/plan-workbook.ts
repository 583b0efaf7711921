import ExcelJS from 'exceljs';
import { PlanVsDone } from '../domain/plan-vs-done';

const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const beijing = (iso: string | null): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

export const SUMMARY_HEADERS = [
  '指导员',
  '月份',
  '计划走访企业',
  '已走访（计划内）',
  '未走访',
  '计划外走访',
  '走访企业数',
  '走访次数',
  '收集问题',
  '已转诉求',
  '已解决',
  '已评价',
  '完成率',
];
export const DETAIL_HEADERS = ['指导员', '企业', '是否计划内', '走访次数', '最近走访', '收集问题'];

/** 走访计划与完成对比: a summary row per instructor, then the enterprises of each. Times in Beijing time. */
export async function planWorkbook(month: string, rows: PlanVsDone[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '吹哨报到';
  const summary = book.addWorksheet('对比汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = SUMMARY_HEADERS.map((header, i) => ({ header, width: i === 0 ? 16 : 12 }));
  summary.getRow(1).font = { bold: true };
  for (const r of rows) {
    summary.addRow([
      r.instructorName,
      month,
      r.planned,
      r.visitedPlanned,
      r.notVisited,
      r.visitedUnplanned,
      r.enterprisesVisited,
      r.visits,
      r.problems,
      r.tickets,
      r.solved,
      r.rated,
      percent(r.completionRate),
    ]);
  }
  const detail = book.addWorksheet('企业明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = DETAIL_HEADERS.map((header, i) => ({ header, width: i === 1 ? 28 : 14 }));
  detail.getRow(1).font = { bold: true };
  for (const r of rows)
    for (const e of r.enterprises)
      detail.addRow([
        r.instructorName,
        e.enterpriseName,
        e.planned ? '是' : '否',
        e.visits,
        beijing(e.lastVisitedAt),
        e.problems,
      ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
