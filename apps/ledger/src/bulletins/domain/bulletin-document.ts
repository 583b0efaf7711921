import { BulletinPublishedPayload } from '@ticketing/contracts';
import { chinaTime, CLOCK_ZH, scoreValue } from '../../exports/domain/formats';
import { ReportDocument } from '../../reports/domain/report-document';

/** A published bulletin as the .xlsx and the PDF draw it: exactly what was frozen, nothing recomputed. */
export function bulletinDocument(b: BulletinPublishedPayload): ReportDocument {
  return {
    title: b.title,
    subtitle: `综合党委 ${b.publishedBy.name} 发布于 ${chinaTime(b.publishedAt)} · 台账编号 ${b.bulletinId}`,
    sections: [
      {
        title: '部门排名',
        notes: [b.summary, b.formula],
        columns: [
          { header: '排名', width: 6 },
          { header: '部门', width: 16 },
          { header: '综合得分（0–100）', width: 12, numFmt: '0.0' },
          { header: '受理数', width: 8 },
        ],
        rows: b.ranking.map((r) => [r.rank, r.departmentName, scoreValue(r.score), r.received]),
      },
      {
        title: '超时诉求通报',
        notes: [
          b.overdueTotal > b.overdue.length
            ? `共 ${b.overdueTotal} 件，此处列出前 ${b.overdue.length} 件。`
            : `共 ${b.overdueTotal} 件。`,
        ],
        columns: [
          { header: '编号', width: 16 },
          { header: '企业', width: 20 },
          { header: '诉求标题', width: 26 },
          { header: '承办部门', width: 12 },
          { header: '超过的时限', width: 10 },
          { header: '截止时间', width: 14 },
          { header: '完成时间', width: 14 },
        ],
        rows: b.overdue.map((o) => [
          o.number,
          o.enterpriseName,
          o.title,
          o.departmentName,
          CLOCK_ZH[o.clock],
          chinaTime(o.dueAt),
          o.doneAt ? chinaTime(o.doneAt) : '尚未完成',
        ]),
      },
    ],
  };
}
