/**
 * The counters every figure is made of, each one SQL predicate over a projection row. The same
 * predicate builds the monthly rollup, answers "which tickets make up this figure", and is shown
 * in the definitions: one definition, three uses, no drift.
 *
 * Source `fact`: ledger.ticket_facts (alias f), one row per ticket, counted for its current lead.
 * Source `stint`: ledger.ticket_assignments (alias a), one row per period a department led the
 * ticket; counted for that department.
 */
export interface CounterDefinition {
  source: 'fact' | 'stint';
  /** Rows that count; the rollup sums `value` over them. */
  where: string;
  /** What each row adds (1 unless said otherwise). */
  value?: string;
  zh: string;
  en: string;
}

const notWithdrawn = 'f.withdrawn_at IS NULL';
/**
 * A ticket merged into a main one as a duplicate is the main ticket's second copy: it is not a
 * second ticket received, due, resolved or answered. Its enterprise's rating still counts (each
 * enterprise rates what it got), and so do its lead's assignments (the department had to sign).
 */
const once = `${notWithdrawn} AND f.merged_into IS NULL`;
const receivedWhere = `f.assigned_at IS NOT NULL AND f.department_id <> '' AND f.merged_into IS NULL`;
const channel = (c: string) => `${receivedWhere} AND coalesce(f.channel, 'web') = '${c}'`;

export const COUNTERS = {
  received: {
    source: 'fact',
    where: receivedWhere,
    zh: '受理（已分派）诉求数；合并到主诉求的重复诉求不再计一次',
    en: 'tickets assigned to the department (current lead); a duplicate merged into a main ticket is not counted again',
  },
  receivedWeb: {
    source: 'fact',
    where: channel('web'),
    zh: '受理数 · 网上提交（含渠道记录之前的诉求）',
    en: 'received through the web form (and tickets from before channels were recorded)',
  },
  receivedVisit: {
    source: 'fact',
    where: channel('visit'),
    zh: '受理数 · 走访收集',
    en: 'received from an instructor’s visit',
  },
  receivedPhone: { source: 'fact', where: channel('phone'), zh: '受理数 · 电话', en: 'received by phone' },
  receivedWalkIn: {
    source: 'fact',
    where: channel('walk_in'),
    zh: '受理数 · 来访',
    en: 'received from a walk-in',
  },
  receivedGroupChat: {
    source: 'fact',
    where: channel('group_chat'),
    zh: '受理数 · 群聊',
    en: 'received from the group chat',
  },
  receivedLetter: { source: 'fact', where: channel('letter'), zh: '受理数 · 信件', en: 'received by letter' },
  withdrawn: {
    source: 'fact',
    where: `f.withdrawn_at IS NOT NULL`,
    zh: '企业撤回诉求数',
    en: 'tickets withdrawn by the enterprise',
  },
  assignments: {
    source: 'stint',
    where: `NOT a.excluded`,
    zh: '分派次数（含转办前的首办）',
    en: 'assignments to the department (each stint as lead, first handlers included)',
  },
  ackDue: {
    source: 'stint',
    where: `NOT a.excluded AND a.respond_due_at IS NOT NULL AND (a.acknowledged_at IS NOT NULL OR a.respond_breached)`,
    zh: '应签收数：有签收时限，且已签收或已超过时限',
    en: 'assignments with a response deadline that were acknowledged or whose deadline passed',
  },
  ackOnTime: {
    source: 'stint',
    where: `NOT a.excluded AND a.respond_due_at IS NOT NULL AND a.acknowledged_at IS NOT NULL AND a.acknowledged_at <= a.respond_due_at`,
    zh: '按时签收数：签收时间 ≤ 签收时限',
    en: 'assignments acknowledged at or before the response deadline',
  },
  transfers: {
    source: 'stint',
    where: `NOT a.excluded AND a.ended_by = 'transfer'`,
    zh: '经党委批准转出（回退）次数',
    en: 'assignments that ended in an approved transfer away',
  },
  resolveDue: {
    source: 'fact',
    where: `${once} AND f.resolve_due_at IS NOT NULL AND (f.resolved_at IS NOT NULL OR f.resolve_breached)`,
    zh: '应办结数：有办结时限，且已办结或已超过（延期后的）时限',
    en: 'tickets with a resolution deadline that were resolved or whose (extended) deadline passed',
  },
  resolvedOnTime: {
    source: 'fact',
    where: `${once} AND f.resolve_due_at IS NOT NULL AND f.resolved_at IS NOT NULL AND f.resolved_at <= f.resolve_due_at`,
    zh: '按时办结数：首次办结时间 ≤ 办结时限（含批准的延期）',
    en: 'tickets first resolved at or before the resolution deadline in force (approved extensions included)',
  },
  resolved: {
    source: 'fact',
    where: `${once} AND f.resolved_at IS NOT NULL`,
    zh: '已办结诉求数',
    en: 'tickets resolved',
  },
  replyDue: {
    source: 'fact',
    where: `${once} AND f.reply_due_at IS NOT NULL AND (f.replied_at IS NOT NULL OR f.reply_breached)`,
    zh: '应反馈数：有反馈时限，且已答复或已超过时限',
    en: 'tickets with a reply deadline that were answered or whose deadline passed',
  },
  repliedOnTime: {
    source: 'fact',
    where: `${once} AND f.reply_due_at IS NOT NULL AND f.replied_at IS NOT NULL AND f.replied_at <= f.reply_due_at`,
    zh: '限期反馈数：首次答复时间 ≤ 反馈时限',
    en: 'tickets first answered at or before the reply deadline',
  },
  feedback: {
    source: 'fact',
    where: `${notWithdrawn} AND f.satisfaction IS NOT NULL`,
    zh: '收到企业评价的诉求数（以最近一次评价为准）',
    en: "tickets with the enterprise's feedback (the latest one counts)",
  },
  solved: {
    source: 'fact',
    where: `${notWithdrawn} AND f.satisfaction IS NOT NULL AND f.solved IS TRUE`,
    zh: '企业评价“已解决”的诉求数',
    en: 'tickets whose latest feedback says solved',
  },
  feedbackByCallback: {
    source: 'fact',
    where: `${notWithdrawn} AND f.satisfaction IS NOT NULL AND f.feedback_via = 'callback'`,
    zh: '其中经党委回访取得的评价数',
    en: 'of the feedback, answers the committee recorded on a callback (回访)',
  },
  satisfied: {
    source: 'fact',
    where: `${notWithdrawn} AND f.satisfaction = 'satisfied'`,
    zh: '评价“满意”数',
    en: 'tickets rated 满意 (satisfied)',
  },
  basicallySatisfied: {
    source: 'fact',
    where: `${notWithdrawn} AND f.satisfaction = 'basically_satisfied'`,
    zh: '评价“基本满意”数',
    en: 'tickets rated 基本满意 (basically satisfied)',
  },
  unsatisfied: {
    source: 'fact',
    where: `${notWithdrawn} AND f.satisfaction = 'unsatisfied'`,
    zh: '评价“不满意”数',
    en: 'tickets rated 不满意 (unsatisfied)',
  },
  noFeedback: {
    source: 'fact',
    where: `${notWithdrawn} AND f.close_outcome = 'no_feedback' AND f.satisfaction IS NULL`,
    zh: '逾期未评价即关闭的诉求数（不计为满意）',
    en: 'tickets closed without feedback (never counted as satisfied)',
  },
  reopened: {
    source: 'fact',
    where: `${once} AND f.resolved_at IS NOT NULL AND f.reopen_count > 0`,
    zh: '被重办（至少一次）的诉求数',
    en: 'resolved tickets reopened at least once',
  },
  reopens: {
    source: 'fact',
    where: `${once} AND f.reopen_count > 0`,
    value: 'f.reopen_count',
    zh: '重办次数合计',
    en: 'reopen count, summed',
  },
  extended: {
    source: 'fact',
    where: `${once} AND f.extension_count > 0`,
    zh: '获批延期的诉求数',
    en: 'tickets with an approved extension',
  },
  jointHandling: {
    source: 'fact',
    where: `cardinality(f.co_handler_department_ids) > 0`,
    zh: '联办（有协办部门）诉求数',
    en: 'tickets handled jointly (with co-handling departments)',
  },
  jointMeeting: {
    source: 'fact',
    where: `f.joint_meeting_at IS NOT NULL`,
    zh: '提交联席会议的诉求数',
    en: 'tickets put on the joint-meeting agenda',
  },
  triageStopped: {
    source: 'fact',
    where: `${notWithdrawn} AND f.triage_outcome IN ('met', 'breached')`,
    zh: '党委人工分派计时结束数（按时或超时）',
    en: "the committee's triage clocks that stopped met or breached",
  },
  triageOnTime: {
    source: 'fact',
    where: `${notWithdrawn} AND f.triage_outcome = 'met'`,
    zh: '党委在分派时限内完成分派数',
    en: 'tickets the committee assigned within the triage deadline',
  },
  closed: {
    source: 'fact',
    where: `f.closed_at IS NOT NULL AND ${once}`,
    zh: '已关闭诉求数',
    en: 'tickets closed',
  },
} as const satisfies Record<string, CounterDefinition>;

export type CounterName = keyof typeof COUNTERS;
export const COUNTER_NAMES = Object.keys(COUNTERS) as CounterName[];

/** camelCase counter → its column in ledger.stats_monthly. */
export const counterColumn = (name: CounterName): string =>
  name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export type Counters = Record<CounterName, number>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters;
