/** Shared vocabulary of the ticket lifecycle (see shared DOMAIN.md). */

export const TicketStatuses = [
  'submitted', // waiting for dispatch
  'triage', // no rule matched: in the committee's triage queue
  'assigned', // a lead department must acknowledge (签收)
  'in_progress',
  'transfer_requested', // the lead asked the committee to transfer; the clock keeps running
  'resolved', // the lead resolved it; the enterprise may give feedback
  'reopened', // the enterprise was unsatisfied; the lead must acknowledge again
  'closed',
  'withdrawn',
] as const;
export type TicketStatus = (typeof TicketStatuses)[number];

export const DEFAULT_CATEGORIES = [
  { code: 'labour', zh: '用工招聘', en: 'Labour and hiring' },
  { code: 'finance', zh: '融资信贷', en: 'Finance and credit' },
  { code: 'policy', zh: '政策咨询与兑现', en: 'Policy questions and subsidies' },
  { code: 'approval', zh: '审批办证', en: 'Approvals and permits' },
  { code: 'planning', zh: '规划建设', en: 'Planning and construction' },
  { code: 'land', zh: '土地', en: 'Land' },
  { code: 'utilities', zh: '水电气暖', en: 'Water, power, gas, heating' },
  { code: 'transport', zh: '交通物流', en: 'Transport and logistics' },
  { code: 'legal', zh: '法律服务', en: 'Legal services' },
  { code: 'tax', zh: '财税', en: 'Tax' },
  { code: 'market', zh: '市场监管', en: 'Market regulation' },
  { code: 'technology', zh: '科技项目', en: 'Technology projects' },
  { code: 'safety_environment', zh: '安全环保', en: 'Safety and environment' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const;
export type CategoryCode = (typeof DEFAULT_CATEGORIES)[number]['code'];

export const Urgencies = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof Urgencies)[number];

export const Satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const; // 满意 / 基本满意 / 不满意
export type Satisfaction = (typeof Satisfactions)[number];

/** How a ticket ended: with the enterprise's feedback, after its window lapsed, or withdrawn. */
export const CloseOutcomes = ['feedback', 'no_feedback', 'withdrawn'] as const;
export type CloseOutcome = (typeof CloseOutcomes)[number];
