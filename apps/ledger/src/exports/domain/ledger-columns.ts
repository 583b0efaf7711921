import { NameBook } from '../../shared/name-book';
import {
  CHANNEL_ZH,
  chinaTime,
  CLOCK_ZH,
  clockOf,
  FEEDBACK_VIA_ZH,
  SATISFACTION_ZH,
  STATUS_ZH,
  SUPERVISION_ZH,
} from './formats';

export { chinaTime } from './formats';

/** The 台账 columns as a Chinese office keeps them, in this order. */
export const LEDGER_COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '企业名称', key: 'enterpriseName', width: 28 },
  { header: '所属网格', key: 'grid', width: 12 },
  { header: '问题类别', key: 'category', width: 14 },
  { header: '受理渠道', key: 'channel', width: 10 },
  { header: '诉求标题', key: 'title', width: 28 },
  { header: '诉求内容', key: 'description', width: 48 },
  { header: '承办部门', key: 'department', width: 16 },
  { header: '协办部门', key: 'coHandlers', width: 20 },
  { header: '承办人', key: 'handler', width: 10 },
  { header: '受理时间', key: 'submittedAt', width: 18 },
  { header: '签收时间', key: 'acknowledgedAt', width: 18 },
  { header: '当前时限', key: 'currentDeadline', width: 26 },
  { header: '办结时限', key: 'resolveDueAt', width: 18 },
  { header: '办结时间', key: 'resolvedAt', width: 18 },
  { header: '是否超时', key: 'overdue', width: 12 },
  { header: '办理状态', key: 'status', width: 14 },
  { header: '办理结果', key: 'result', width: 40 },
  { header: '答复时间', key: 'repliedAt', width: 18 },
  { header: '企业评价', key: 'satisfaction', width: 10 },
  { header: '评价方式', key: 'feedbackVia', width: 10 },
  { header: '是否解决', key: 'solved', width: 10 },
  { header: '延期次数', key: 'extensions', width: 10 },
  { header: '转办次数', key: 'transfers', width: 10 },
  { header: '重办次数', key: 'reopens', width: 10 },
  { header: '督办情况', key: 'supervision', width: 12 },
  { header: '合并至', key: 'mergedInto', width: 18 },
] as const;

export type LedgerRow = Record<(typeof LEDGER_COLUMNS)[number]['key'], string | number>;

const at = (v: unknown): Date | null => (v ? (v instanceof Date ? v : new Date(String(v))) : null);

const DUE_COLUMN: Record<string, string> = {
  triage: 'triage_due_at',
  respond: 'respond_due_at',
  resolve: 'resolve_due_at',
  feedback: 'feedback_due_at',
};

/** 当前时限: the clock that applies in the ticket's status, named, with its deadline. */
export function currentDeadlineText(r: Record<string, unknown>): string {
  const clock = r.withdrawn_at ? null : clockOf(r.status as string);
  if (!clock) return '—';
  const due = r[DUE_COLUMN[clock]];
  return `${CLOCK_ZH[clock]} ${due ? chinaTime(due) : '未设定'}`;
}

/**
 * 是否超时, judged against the clock in force: while the ticket waits for assignment or to be signed
 * for, that clock; while in hand, resolution; once resolved or closed, the on-time resolution rate's
 * rule (first resolution against the deadline in force, extensions included).
 */
export function overdueText(r: Record<string, unknown>, now: Date): string {
  if (r.withdrawn_at) return '—';
  const clock = clockOf(r.status as string);
  if (clock === 'triage' || clock === 'respond') {
    const due = at(r[DUE_COLUMN[clock]]);
    const breached = clock === 'respond' && r.respond_alert === 'red';
    if (!due) return `无${CLOCK_ZH[clock]}`;
    const what = clock === 'triage' ? '分派' : '签收';
    return breached || now > due ? `是（未${what}）` : `否（待${what}）`;
  }
  const due = at(r.resolve_due_at);
  const resolved = at(r.resolved_at);
  if (!due) return `无${CLOCK_ZH.resolve}`;
  if (resolved) return resolved > due ? '是' : '否';
  return now > due ? '是（未办结）' : '否（办理中）';
}

export function toLedgerRow(r: Record<string, unknown>, names: NameBook, now: Date): LedgerRow {
  return {
    number: String(r.number ?? r.ticket_id),
    enterpriseName: String(r.enterprise_name ?? ''),
    grid: names.grid(r.grid_id as string),
    category: names.category(r.category as string),
    channel: CHANNEL_ZH[String(r.channel ?? 'web')] ?? String(r.channel),
    title: String(r.title ?? ''),
    description: String(r.description ?? ''),
    department: r.department_id ? names.department(r.department_id as string) : '未分派',
    coHandlers: ((r.co_handler_department_ids as string[]) ?? []).map((d) => names.department(d)).join('、'),
    handler: String(r.handler_name ?? ''),
    submittedAt: chinaTime(r.submitted_at ?? r.first_seen_at),
    acknowledgedAt: chinaTime(r.acknowledged_at),
    currentDeadline: currentDeadlineText(r),
    resolveDueAt: chinaTime(r.resolve_due_at),
    resolvedAt: chinaTime(r.resolved_at),
    overdue: overdueText(r, now),
    status: STATUS_ZH[String(r.status)] ?? String(r.status ?? ''),
    result: String(r.result ?? ''),
    repliedAt: chinaTime(r.replied_at),
    satisfaction: r.satisfaction
      ? (SATISFACTION_ZH[String(r.satisfaction)] ?? String(r.satisfaction))
      : r.close_outcome === 'no_feedback'
        ? '未评价'
        : '',
    feedbackVia: r.satisfaction ? (FEEDBACK_VIA_ZH[String(r.feedback_via ?? 'enterprise')] ?? '') : '',
    solved: r.solved === true ? '是' : r.solved === false ? '否' : '',
    extensions: Number(r.extension_count ?? 0),
    transfers: Number(r.transfer_count ?? 0),
    reopens: Number(r.reopen_count ?? 0),
    supervision: r.supervise_level
      ? (SUPERVISION_ZH[String(r.supervise_level)] ?? String(r.supervise_level))
      : '',
    mergedInto: r.merged_into ? String(r.merged_into_number ?? r.merged_into) : '',
  };
}

/** RFC 4180 with a UTF-8 byte-order mark and CRLF: Excel then opens the Chinese text as Chinese. */
export function toCsv(headers: string[], rows: (string | number)[][]): Buffer {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s)
      ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`
      : s;
  };
  const text = [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
