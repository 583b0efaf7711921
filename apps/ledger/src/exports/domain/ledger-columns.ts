import { NameBook } from '../../shared/names';

/** The 台账 columns as a Chinese office keeps them, in this order. */
export const LEDGER_COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '企业名称', key: 'enterpriseName', width: 28 },
  { header: '所属网格', key: 'grid', width: 12 },
  { header: '问题类别', key: 'category', width: 14 },
  { header: '诉求标题', key: 'title', width: 28 },
  { header: '诉求内容', key: 'description', width: 48 },
  { header: '承办部门', key: 'department', width: 16 },
  { header: '协办部门', key: 'coHandlers', width: 20 },
  { header: '受理时间', key: 'submittedAt', width: 18 },
  { header: '签收时间', key: 'acknowledgedAt', width: 18 },
  { header: '办结时限', key: 'resolveDueAt', width: 18 },
  { header: '办结时间', key: 'resolvedAt', width: 18 },
  { header: '是否超时', key: 'overdue', width: 12 },
  { header: '办理状态', key: 'status', width: 10 },
  { header: '办理结果', key: 'result', width: 40 },
  { header: '答复时间', key: 'repliedAt', width: 18 },
  { header: '企业评价', key: 'satisfaction', width: 10 },
  { header: '是否解决', key: 'solved', width: 10 },
  { header: '延期次数', key: 'extensions', width: 10 },
  { header: '转办次数', key: 'transfers', width: 10 },
  { header: '重办次数', key: 'reopens', width: 10 },
  { header: '督办情况', key: 'supervision', width: 12 },
] as const;

export type LedgerRow = Record<(typeof LEDGER_COLUMNS)[number]['key'], string | number>;

const STATUS_ZH: Record<string, string> = {
  submitted: '待分派',
  triage: '待人工分派',
  assigned: '待签收',
  in_progress: '办理中',
  transfer_requested: '申请转办',
  resolved: '已办结待评价',
  reopened: '重办',
  closed: '已办结',
  withdrawn: '已撤回',
};
const SATISFACTION_ZH: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
const SUPERVISION_ZH: Record<string, string> = { urge: '催办', supervise: '督办', joint_meeting: '提交联席会议' };

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-03-02 09:30, Beijing time. */
export function chinaTime(v: unknown): string {
  if (!v) return '';
  const d = v instanceof Date ? v : new Date(String(v));
  const p = Object.fromEntries(TIME.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

const at = (v: unknown): Date | null => (v ? (v instanceof Date ? v : new Date(String(v))) : null);

/** 是否超时 by the same rule as the on-time resolution rate: first resolution against the deadline in force. */
export function overdueText(r: Record<string, unknown>, now: Date): string {
  const due = at(r.resolve_due_at);
  const resolved = at(r.resolved_at);
  if (r.withdrawn_at) return '—';
  if (!due) return '无时限';
  if (resolved) return resolved > due ? '是' : '否';
  return now > due ? '是（未办结）' : '否（办理中）';
}

export function toLedgerRow(r: Record<string, unknown>, names: NameBook, now: Date): LedgerRow {
  return {
    number: String(r.number ?? r.ticket_id),
    enterpriseName: String(r.enterprise_name ?? ''),
    grid: names.grid(r.grid_id as string),
    category: names.category(r.category as string),
    title: String(r.title ?? ''),
    description: String(r.description ?? ''),
    department: r.department_id ? names.department(r.department_id as string) : '未分派',
    coHandlers: ((r.co_handler_department_ids as string[]) ?? []).map((d) => names.department(d)).join('、'),
    submittedAt: chinaTime(r.submitted_at ?? r.first_seen_at),
    acknowledgedAt: chinaTime(r.acknowledged_at),
    resolveDueAt: chinaTime(r.resolve_due_at),
    resolvedAt: chinaTime(r.resolved_at),
    overdue: overdueText(r, now),
    status: STATUS_ZH[String(r.status)] ?? String(r.status ?? ''),
    result: String(r.result ?? ''),
    repliedAt: chinaTime(r.replied_at),
    satisfaction: r.satisfaction ? SATISFACTION_ZH[String(r.satisfaction)] ?? String(r.satisfaction) : r.close_outcome === 'no_feedback' ? '未评价' : '',
    solved: r.solved === true ? '是' : r.solved === false ? '否' : '',
    extensions: Number(r.extension_count ?? 0),
    transfers: Number(r.transfer_count ?? 0),
    reopens: Number(r.reopen_count ?? 0),
    supervision: r.supervise_level ? SUPERVISION_ZH[String(r.supervise_level)] ?? String(r.supervise_level) : '',
  };
}

/** RFC 4180 with a UTF-8 byte-order mark and CRLF: Excel then opens the Chinese text as Chinese. */
export function toCsv(headers: string[], rows: (string | number)[][]): Buffer {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;
  };
  const text = [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
