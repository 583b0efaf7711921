import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { DecisionResponseDto, NamedRefDto } from '../../decisions/decision.response.dto';
import { zoneDate, zoneDateTime } from '../../shared/domain/zone-time';
import { MeetingResponseDto } from '../meeting.response.dto';

/** Song for Chinese, as official documents are set; Word and LibreOffice fall back to a CJK font they have. */
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };

const SOURCE: Record<string, string> = {
  escalation: '升级提请',
  manual: '党委提出',
  follow_up: '前次议定事项',
};
const OUTCOME: Record<string, string> = { solved: '已解决', unsolved: '未解决', withdrawn: '已撤销' };
const STATUS: Record<string, string> = { open: '办理中', done: '牵头部门已报办结', closed: '已关闭' };
const PROGRESS: Record<string, string> = { in_progress: '进展', done: '办结' };
const ORDINALS = '一二三四五六七八九十';

const ordinal = (n: number): string =>
  n <= 10
    ? ORDINALS[n - 1]
    : n < 20
      ? `十${ORDINALS[n - 11]}`
      : n < 100
        ? `${ORDINALS[Math.floor(n / 10) - 1]}十${n % 10 ? ORDINALS[(n % 10) - 1] : ''}`
        : String(n);
const nameOf = (r: NamedRefDto): string => r.name ?? r.id;
const list = (refs: NamedRefDto[]): string => (refs.length ? refs.map(nameOf).join('、') : '无');

const para = (text: string, opts: { bold?: boolean; indent?: boolean } = {}): Paragraph =>
  new Paragraph({
    spacing: { after: 80, line: 360 },
    indent: opts.indent ? { firstLine: 480 } : undefined,
    children: [new TextRun({ text, bold: opts.bold, font: FONT, size: 24 })],
  });
const labelled = (label: string, value: string): Paragraph =>
  new Paragraph({
    spacing: { after: 60, line: 360 },
    children: [
      new TextRun({ text: `${label}：`, bold: true, font: FONT, size: 24 }),
      new TextRun({ text: value, font: FONT, size: 24 }),
    ],
  });
const heading = (text: string): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, font: FONT, size: 28 })],
  });

/** 办理时限: the working days, and the date the SLA engine computed when it has said. */
export function deadlineText(d: Pick<DecisionResponseDto, 'dueWorkingDays' | 'dueAt'>): string {
  return d.dueAt
    ? `${d.dueWorkingDays}个工作日（${zoneDate(new Date(d.dueAt))}前）`
    : `${d.dueWorkingDays}个工作日（自会议之日起计）`;
}

function decisionLines(d: DecisionResponseDto): Paragraph[] {
  return [
    labelled('牵头部门', nameOf(d.leadDepartment)),
    labelled('协办部门', list(d.coHandlerDepartments)),
    labelled('任务', d.task),
    labelled('办理时限', deadlineText(d)),
    ...(d.ticket
      ? [
          labelled(
            '关联诉求',
            `${d.ticket.number ?? d.ticket.id}${d.ticket.title ? ` ${d.ticket.title}` : ''}`,
          ),
        ]
      : []),
    ...(d.enterprise ? [labelled('涉及企业', nameOf(d.enterprise))] : []),
    ...(d.cooperation ? [labelled('合作事项', '是（推动达成合作）')] : []),
  ];
}

/**
 * 会议纪要 of a held meeting as a .docx (the `docx` package): title, time, place, convenor,
 * attendance, agenda, summary, each decision (lead, co-handlers, task, deadline), and the earlier
 * decisions followed up with what was reported and their outcome. All text is Chinese.
 */
export async function minutesDocument(m: MeetingResponseDto): Promise<Buffer> {
  const held = m.heldAt ? new Date(m.heldAt) : new Date(m.startsAt);
  const followUps = m.agenda.filter((i) => i.followUp);
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `${m.title}会议纪要`, bold: true, font: FONT, size: 36 })],
    }),
    labelled('会议时间', zoneDateTime(held)),
    labelled('会议地点', m.place),
    labelled('召集人', nameOf(m.convenor)),
    labelled('参会部门', list(m.attendance?.departments ?? [])),
    labelled('参会企业', list(m.attendance?.enterprises ?? [])),
    labelled('参会人员', m.attendance?.people.length ? m.attendance.people.join('、') : '无'),
    heading('会议议题'),
    ...m.agenda.map((item, n) =>
      para(
        `${n + 1}. ${item.title}（${SOURCE[item.source] ?? item.source}${item.ticket?.number ? `，诉求编号 ${item.ticket.number}` : ''}${item.enterprise ? `，${nameOf(item.enterprise)}` : ''}）`,
      ),
    ),
    heading('会议情况'),
    ...(m.summary ?? '')
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => para(l.trim(), { indent: true })),
    heading('议定事项'),
    ...(m.decisionList.length
      ? m.decisionList.flatMap((d, n) => [
          para(`${ordinal(n + 1)}、${d.title}`, { bold: true }),
          ...decisionLines(d),
        ])
      : [para('本次会议无议定事项。')]),
  ];
  if (followUps.length) {
    children.push(heading('前次议定事项办理情况'));
    followUps.forEach((item, n) => {
      const d = item.followUp!;
      children.push(
        para(`${ordinal(n + 1)}、${d.title}（${d.meeting.title}议定）`, { bold: true }),
        labelled('牵头部门', nameOf(d.leadDepartment)),
        labelled('办理时限', deadlineText(d)),
        labelled(
          '办理状态',
          d.outcome ? `${STATUS.closed}，${OUTCOME[d.outcome] ?? d.outcome}` : (STATUS[d.status] ?? d.status),
        ),
        ...d.reports.map((r) =>
          labelled(`${nameOf(r.department)}${PROGRESS[r.progress] ?? r.progress}报告`, r.report),
        ),
        ...(d.closeNote ? [labelled('结论', d.closeNote)] : []),
      );
    });
  }
  const doc = new Document({
    creator: '吹哨报到',
    title: `${m.title}会议纪要`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
