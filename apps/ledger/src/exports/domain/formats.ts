/**
 * How the ledger writes what a user reads, in every file it makes: the words are the web app's
 * (apps/web/src/i18n/zh.ts and glossary.ts; formats.spec.ts compares them so they cannot drift),
 * and scores are written as the dashboard shows them.
 */

/** 办理状态, as the web app shows each status. */
export const STATUS_ZH: Record<string, string> = {
  submitted: '已提交',
  triage: '待人工分派',
  assigned: '待签收',
  in_progress: '办理中',
  transfer_requested: '转办申请审核中',
  resolved: '已办结',
  reopened: '已重办',
  closed: '已关闭',
  withdrawn: '已撤回',
};

/** Each clock by what must happen by then (the web's dueKind.*). */
export const CLOCK_ZH = {
  triage: '分派时限',
  respond: '签收时限',
  resolve: '办结时限',
  reply: '答复时限',
  feedback: '评价时限',
} as const;
export type Clock = keyof typeof CLOCK_ZH;

export const SATISFACTION_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const SUPERVISION_ZH: Record<string, string> = {
  urge: '催办',
  supervise: '督办',
  joint_meeting: '提交联席会议',
};

/** 受理渠道 (docs/domain.md), in the words of the committee's intake form (代为登记) and the ticket page. */
export const CHANNEL_ZH: Record<string, string> = {
  web: '网上提交',
  visit: '来自走访',
  phone: '电话',
  walk_in: '来访',
  group_chat: '群聊',
  letter: '信件',
};

export const FEEDBACK_VIA_ZH: Record<string, string> = { enterprise: '企业评价', callback: '党委回访' };

/**
 * The clock that applies in a status, as the ticket service's lists and the web app show it: the
 * committee's desk while waiting for assignment, the department's acknowledgement while it waits
 * to be signed for (a reopened ticket is signed for again), resolution while in hand, the
 * enterprise's rating once resolved; none once closed.
 */
export function clockOf(status: string | null | undefined): Clock | null {
  switch (status) {
    case 'triage':
      return 'triage';
    case 'assigned':
    case 'reopened':
      return 'respond';
    case 'in_progress':
    case 'transfer_requested':
      return 'resolve';
    case 'resolved':
      return 'feedback';
    default:
      return null;
  }
}

/** A score in [0, 1] as the dashboard shows it: 0–100 with one decimal (0.9667 → 96.7); null: no score. */
export const scoreValue = (score: number | null | undefined): number | null =>
  score === null || score === undefined ? null : Math.round(score * 1000) / 10;

export const scoreText = (score: number | null | undefined): string => {
  const v = scoreValue(score);
  return v === null ? '—' : v.toFixed(1);
};

/** A rate in [0, 1] as a percentage with one decimal (0.8889 → 88.9%); null: nothing was due. */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

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

/**
 * A download's Content-Disposition: the Chinese name in UTF-8 (RFC 5987 filename*) and a plain
 * ASCII name for clients that read only filename= (台账_2026-12.xlsx / ledger_2026-12.xlsx).
 */
export function contentDisposition(fileName: string, asciiName: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** File names: 台账_2026-12.xlsx (a whole month) or 台账_2026-12-01_2026-12-15.xlsx. */
export function ledgerFileNames(
  from: string,
  to: string,
  ext: 'xlsx' | 'csv',
): { zh: string; ascii: string } {
  const wholeMonth =
    from.slice(0, 7) === to.slice(0, 7) &&
    from.endsWith('-01') &&
    new Date(`${to}T00:00:00Z`).getUTCDate() ===
      new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
  const span = wholeMonth ? from.slice(0, 7) : `${from}_${to}`;
  return { zh: `台账_${span}.${ext}`, ascii: `ledger_${span}.${ext}` };
}
