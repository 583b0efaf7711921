import { DEFAULT_CATEGORIES } from '@ticketing/contracts';
import { EventView, isCommitteeClock } from '../../events/domain/event-view';
import { RenderedMessage } from './message';

export type Language = 'zh' | 'en';

/** Names notify keeps from directory events; an unknown id is shown as the id. */
export interface NameBook {
  department(id: string | null): string | null;
  enterprise(id: string | null): string | null;
}

interface Template {
  title: string;
  summary: (v: EventView, n: Ctx) => string;
}

interface Ctx {
  dep: string;
  lead: string;
  ent: string;
  due: string | null;
  p: Record<string, unknown>;
}

const TZ = 'Asia/Shanghai';

/** Deadlines are read by people in the zone: Beijing time, minutes. */
export function formatTime(iso: string | null, lang: Language): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  const s = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  return lang === 'zh' ? `${s}（北京时间）` : `${s} (Beijing time)`;
}

/** Each clock by what must happen by then, as the web app names it (签收时限, 办结时限 …). */
const TIMER_ZH: Record<string, string> = {
  triage: '人工分派',
  respond: '签收',
  resolve: '办结',
  reply: '答复',
  feedback: '评价',
  callback: '回访',
  transfer_arbitration: '转办裁定',
  co_handler_report: '协办报送',
  decision: '议定事项办理',
};
const TIMER_EN: Record<string, string> = {
  triage: 'manual assignment',
  respond: 'acknowledgement',
  resolve: 'resolution',
  reply: 'reply',
  feedback: 'rating',
  callback: 'callback',
  transfer_arbitration: 'transfer decision',
  co_handler_report: 'co-handler report',
  decision: 'decision',
};
const STEP_ZH: Record<string, string> = { urge: '催办', supervise: '督办', joint_meeting: '提交联席会议' };
const STEP_EN: Record<string, string> = {
  urge: 'urging',
  supervise: 'supervision',
  joint_meeting: 'the joint meeting',
};
const SAT_ZH: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};
const URGENCY_ZH: Record<string, string> = { normal: '一般', urgent: '紧急', critical: '特急' };

const s = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A person's words as one sentence: trimmed, ended by exactly one full stop unless they end with
 * their own (。！？… or a closing quote after one), so that "现场已清理。" never reads "现场已清理。。".
 */
export function said(v: unknown, stop = '。'): string {
  const text = s(v).trim();
  if (!text) return '';
  return /[。！？!?….；;]['"’”」』）)]?$/.test(text) ? text : `${text}${stop}`;
}
const timerZh = (v: EventView) => `${TIMER_ZH[s(v.payload.kind)] ?? ''}时限`;
const timerEn = (v: EventView) => `${TIMER_EN[s(v.payload.kind)] ?? 'the'} deadline`;

/** Who wrote a message on the ticket, as the reader knows them. */
const authorZh = (c: Ctx): string =>
  c.p.author === 'enterprise'
    ? c.ent
    : c.p.author === 'committee'
      ? '综合党委'
      : c.p.author === 'instructor'
        ? '指导员'
        : c.dep;

const ZH: Record<string, Template> = {
  'ticket.submitted': {
    title: '企业吹哨：新诉求',
    summary: (_v, c) => `${c.ent}提交了新诉求，等待综合党委分派。`,
  },
  'ticket.assigned': {
    title: '新诉求待签收',
    summary: (v, c) =>
      `${v.payload.via === 'transfer' ? '经转办，' : v.payload.via === 'reopen' ? '诉求重办，' : ''}请${c.lead}${c.due ? `在${c.due}前` : '及时'}签收办理（首办负责制）。`,
  },
  'ticket.withdrawn': { title: '诉求已撤回', summary: (_v, c) => `${c.ent}撤回了诉求，无需继续办理。` },
  'ticket.acknowledged': { title: '部门已签收', summary: (_v, c) => `${c.lead}已签收，正在办理。` },
  'ticket.transfer-requested': {
    title: '转办申请待裁定',
    summary: (_v, c) => `${c.dep}申请转办，理由：${said(c.p.reason) || '未说明。'}请综合党委尽快裁定。`,
  },
  'ticket.transfer-rejected': {
    title: '转办申请未获同意',
    summary: (_v, c) =>
      `${c.dep}的转办申请未获同意，请继续办理。${said(c.p.reason) ? `说明：${said(c.p.reason)}` : ''}`,
  },
  'dispatch.transfer-decided': {
    title: '转办裁定结果',
    summary: (v, c) =>
      (v.payload.approved === true ? `同意转办，改由${c.lead}牵头办理。` : `不同意转办，仍由${c.dep}办理。`) +
      (said(c.p.note) ? `意见：${said(c.p.note)}` : ''),
  },
  'dispatch.triage-needed': {
    title: '诉求待人工分派',
    // Dispatch's explanation says why and that it goes to the committee's desk (没有适用「其他」的规则，转综合党委人工分派).
    summary: (_v, c) => said(c.p.explanation) || '没有适用的分派规则，请综合党委人工分派。',
  },
  'ticket.interim-replied': {
    title: '阶段性答复',
    summary: (_v, c) => `${c.dep}作出阶段性答复：${said(c.p.reason)}`,
  },
  'ticket.extension-requested': {
    title: '延期申请待审批',
    summary: (_v, c) =>
      `${c.dep}申请延期${c.due ? `至${c.due}` : ''}，理由：${said(c.p.reason) || '未说明。'}`,
  },
  'ticket.extension-decided': {
    title: '延期申请审批结果',
    summary: (v, c) =>
      (v.payload.approved === true
        ? `延期已批准${c.due ? `，新的办结时限为${c.due}` : ''}。`
        : '延期未获批准，请按原时限办结。') + (said(c.p.note) ? `意见：${said(c.p.note)}` : ''),
  },
  'ticket.part-reported': {
    title: '协办部门已报送',
    summary: (_v, c) => `${c.dep}报送了协办情况：${said(c.p.content)}`,
  },
  'ticket.resolved': {
    title: '诉求已办结',
    summary: (_v, c) => `${c.dep}已办结诉求：${said(c.p.result)}请企业评价。`,
  },
  'ticket.replied': { title: '部门答复', summary: (_v, c) => `${c.dep}答复：${said(c.p.message)}` },
  'ticket.feedback-given': {
    title: '企业已评价',
    summary: (v, c) =>
      `${c.ent}评价：${SAT_ZH[s(v.payload.satisfaction)] ?? s(v.payload.satisfaction)}，问题${v.payload.solved ? '已' : '未'}解决。${said(c.p.comment)}`,
  },
  'ticket.reopened': {
    title: '诉求重办',
    summary: (_v, c) =>
      `企业不满意，诉求第${Number(c.p.reopenCount) || 1}次重办，理由：${said(c.p.reason) || '未说明。'}请${c.lead}重新签收。`,
  },
  'ticket.closed': {
    title: '诉求已关闭',
    summary: (v) =>
      v.payload.outcome === 'no_feedback'
        ? '评价时限和回访时限已过，诉求按“未评价”关闭。'
        : v.payload.outcome === 'withdrawn'
          ? '诉求已撤回关闭。'
          : '企业已评价，诉求关闭。',
  },
  'ticket.supervised': {
    title: '诉求被督办',
    summary: (v, c) => `综合党委对本诉求${STEP_ZH[s(v.payload.level)] ?? '督办'}：${said(c.p.note)}`,
  },
  'ticket.information-requested': {
    title: '请补充材料',
    summary: (_v, c) => `${c.dep}请企业补充：${said(c.p.question)}`,
  },
  'ticket.information-provided': {
    title: '企业已补充材料',
    summary: (_v, c) => `${c.ent}补充了材料：${said(c.p.answer)}`,
  },
  'ticket.message-posted': {
    title: '诉求有新留言',
    summary: (_v, c) => `${authorZh(c)}留言：${said(c.p.text)}`,
  },
  'sla.warning': {
    title: '黄牌预警：时限将至',
    summary: (v, c) => `${c.dep}的${timerZh(v)}将至${c.due ? `（${c.due}）` : ''}，请抓紧办理。`,
  },
  'sla.breached': {
    title: '红牌：已超时',
    summary: (v, c) =>
      // The rating window is the enterprise's, not a department's: what follows is a callback.
      v.payload.kind === 'feedback'
        ? `${c.ent}在评价时限${c.due ? `（${c.due}）` : ''}内未评价，请综合党委回访。`
        : `${c.dep}的${timerZh(v)}已过${c.due ? `（${c.due}）` : ''}，已超时。`,
  },
  'sla.escalated': {
    title: '超时升级',
    summary: (v, c) => `${c.dep}的${timerZh(v)}已过，升级为${STEP_ZH[s(v.payload.step)] ?? '督办'}。`,
  },
};

const EN: Record<string, Template> = {
  'ticket.submitted': {
    title: 'New ticket submitted',
    summary: (_v, c) => `${c.ent} raised a new ticket; it waits for dispatch.`,
  },
  'ticket.assigned': {
    title: 'New ticket to acknowledge',
    summary: (_v, c) => `${c.lead}: please acknowledge ${c.due ? `before ${c.due}` : 'promptly'}.`,
  },
  'ticket.withdrawn': { title: 'Ticket withdrawn', summary: (_v, c) => `${c.ent} withdrew the ticket.` },
  'ticket.acknowledged': {
    title: 'Ticket acknowledged',
    summary: (_v, c) => `${c.lead} acknowledged the ticket and is handling it.`,
  },
  'ticket.transfer-requested': {
    title: 'Transfer request to decide',
    summary: (_v, c) => `${c.dep} asks to transfer the ticket: ${s(c.p.reason)}`,
  },
  'ticket.transfer-rejected': {
    title: 'Transfer refused',
    summary: (_v, c) => `The transfer asked by ${c.dep} was refused.`,
  },
  'dispatch.transfer-decided': {
    title: 'Transfer decided',
    summary: (v, c) =>
      v.payload.approved === true ? `Transferred to ${c.lead}.` : `Refused; ${c.dep} keeps the ticket.`,
  },
  'dispatch.triage-needed': {
    title: 'Ticket needs manual assignment',
    summary: () => 'No routing rule applies: the committee assigns it by hand.',
  },
  'ticket.interim-replied': { title: 'Interim reply', summary: (_v, c) => `${c.dep}: ${s(c.p.reason)}` },
  'ticket.extension-requested': {
    title: 'Extension requested',
    summary: (_v, c) => `${c.dep} asks for more time${c.due ? ` until ${c.due}` : ''}: ${s(c.p.reason)}`,
  },
  'ticket.extension-decided': {
    title: 'Extension decided',
    summary: (v, c) =>
      v.payload.approved === true ? `Approved${c.due ? `; new deadline ${c.due}` : ''}.` : 'Refused.',
  },
  'ticket.part-reported': { title: 'Co-handler reported', summary: (_v, c) => `${c.dep}: ${s(c.p.content)}` },
  'ticket.resolved': {
    title: 'Ticket resolved',
    summary: (_v, c) => `${c.dep} resolved the ticket: ${s(c.p.result)}`,
  },
  'ticket.replied': { title: 'Department replied', summary: (_v, c) => `${c.dep}: ${s(c.p.message)}` },
  'ticket.feedback-given': {
    title: 'Feedback received',
    summary: (v, c) =>
      `${c.ent}: ${s(v.payload.satisfaction)}, ${v.payload.solved ? 'solved' : 'not solved'}.`,
  },
  'ticket.reopened': {
    title: 'Ticket reopened',
    summary: (_v, c) => `Reopened: ${s(c.p.reason)}. ${c.lead} must acknowledge again.`,
  },
  'ticket.closed': {
    title: 'Ticket closed',
    summary: (v) =>
      v.payload.outcome === 'no_feedback'
        ? 'The rating and callback windows passed: closed without a rating.'
        : v.payload.outcome === 'withdrawn'
          ? 'Withdrawn and closed.'
          : 'Rated by the enterprise and closed.',
  },
  'ticket.supervised': {
    title: 'Ticket supervised',
    summary: (v, c) => `The committee flagged this ticket (${s(v.payload.level)}): ${s(c.p.note)}`,
  },
  'ticket.information-requested': {
    title: 'Information requested',
    summary: (_v, c) => `${c.dep} asks the enterprise: ${s(c.p.question)}`,
  },
  'ticket.information-provided': {
    title: 'Information provided',
    summary: (_v, c) => `${c.ent} answered: ${s(c.p.answer)}`,
  },
  'ticket.message-posted': {
    title: 'New message on the ticket',
    summary: (_v, c) => `${s(c.p.author)}: ${s(c.p.text)}`,
  },
  'sla.warning': {
    title: 'Yellow card: deadline close',
    summary: (v, c) => `${c.dep}: the ${timerEn(v)}${c.due ? ` (${c.due})` : ''} is close.`,
  },
  'sla.breached': {
    title: 'Red card: deadline passed',
    summary: (v, c) =>
      v.payload.kind === 'feedback'
        ? `${c.ent} did not rate the outcome within the rating window${c.due ? ` (${c.due})` : ''}: the committee may call back.`
        : `${c.dep}: the ${timerEn(v)}${c.due ? ` (${c.due})` : ''} has passed.`,
  },
  'sla.escalated': {
    title: 'Escalated',
    summary: (v, c) =>
      `${c.dep}: the ${timerEn(v)} has passed; escalated to ${STEP_EN[s(v.payload.step)] ?? 'supervision'}.`,
  },
};

const LABELS = {
  zh: {
    number: '诉求编号',
    title: '标题',
    enterprise: '企业',
    lead: '牵头部门',
    category: '类别',
    urgency: '紧急程度',
    due: '时限',
    link: '查看诉求',
    unknownDep: '相关部门',
    committee: '综合党委',
    unknownEnt: '企业',
  },
  en: {
    number: 'Ticket',
    title: 'Title',
    enterprise: 'Enterprise',
    lead: 'Lead department',
    category: 'Category',
    urgency: 'Urgency',
    due: 'Deadline',
    link: 'Open the ticket',
    unknownDep: 'The department',
    committee: 'The committee',
    unknownEnt: 'The enterprise',
  },
};

/** The event types that have a message of their own. */
export const TEMPLATED_TYPES: readonly string[] = Object.keys(ZH);

export function hasTemplate(type: string): boolean {
  return type in ZH;
}

/** The message for one event, in one language, with a link to the ticket page. */
export function renderMessage(
  view: EventView,
  names: NameBook,
  lang: Language,
  publicBaseUrl: string,
): RenderedMessage {
  const L = LABELS[lang];
  const t = (lang === 'en' ? EN : ZH)[view.type] ?? { title: view.type, summary: () => view.type };
  const ticket = view.ticket;
  const lead = names.department(ticket.leadDepartmentId);
  const ctx: Ctx = {
    dep: isCommitteeClock(view) ? L.committee : (names.department(view.departmentId) ?? lead ?? L.unknownDep),
    lead: lead ?? L.unknownDep,
    ent: ticket.enterpriseName ?? names.enterprise(ticket.enterpriseId) ?? L.unknownEnt,
    due: formatTime(view.dueAt, lang),
    p: view.payload,
  };
  const category = DEFAULT_CATEGORIES.find((c) => c.code === ticket.category);
  const facts: { label: string; value: string }[] = [{ label: L.number, value: ticket.number }];
  if (ticket.title) facts.push({ label: L.title, value: ticket.title });
  facts.push({ label: L.enterprise, value: ctx.ent });
  if (lead) facts.push({ label: L.lead, value: lead });
  if (ticket.category)
    facts.push({
      label: L.category,
      value: category ? (lang === 'zh' ? category.zh : category.en) : ticket.category,
    });
  if (ticket.urgency && ticket.urgency !== 'normal')
    facts.push({
      label: L.urgency,
      value: lang === 'zh' ? (URGENCY_ZH[ticket.urgency] ?? ticket.urgency) : ticket.urgency,
    });
  if (ctx.due) facts.push({ label: L.due, value: ctx.due });
  const summary = t.summary(view, ctx).trim();
  return {
    eventType: view.type,
    ticketId: ticket.ticketId,
    ticketNumber: ticket.number,
    title: t.title,
    summary,
    facts,
    link: `${publicBaseUrl}/tickets/${encodeURIComponent(ticket.ticketId)}`,
    linkLabel: L.link,
    subject:
      lang === 'zh'
        ? `[吹哨报到] ${t.title}：${ticket.number}${ticket.title ? ` ${ticket.title}` : ''}`
        : `[Chuishao] ${t.title}: ${ticket.number}${ticket.title ? ` ${ticket.title}` : ''}`,
  };
}
