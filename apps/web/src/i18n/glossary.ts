/**
 * The UI's words for the things of the domain: one word per thing, in both languages. Messages in
 * zh.ts and en.ts are written with these, so a term changes in one place. The enterprise-facing
 * ticket is 诉求 everywhere (never 工单); a department's request to hand a ticket on is 转办申请
 * (never 退单); each deadline is named by what must happen by then.
 */
export const GLOSSARY = {
  ticket: { zh: '诉求', en: 'request' },
  whistle: { zh: '吹哨', en: 'whistle' },
  assign: { zh: '分派', en: 'assign' },
  triage: { zh: '人工分派', en: 'manual assignment' },
  acknowledge: { zh: '签收', en: 'acknowledge' },
  leadDepartment: { zh: '牵头部门', en: 'lead department' },
  coHandler: { zh: '协办部门', en: 'co-handling department' },
  transferRequest: { zh: '转办申请', en: 'transfer request' },
  interimReply: { zh: '阶段性答复', en: 'progress reply' },
  extension: { zh: '延期', en: 'extension' },
  resolve: { zh: '办结', en: 'resolve' },
  reply: { zh: '答复', en: 'reply' },
  feedback: { zh: '评价', en: 'rating' },
  reopen: { zh: '重办', en: 'reopen' },
  withdraw: { zh: '撤回', en: 'withdraw' },
  supervise: { zh: '督办', en: 'supervise' },
  urge: { zh: '催办', en: 'urge' },
  jointMeeting: { zh: '联席会议', en: 'joint meeting' },
  triageDeadline: { zh: '分派时限', en: 'assignment deadline' },
  respondDeadline: { zh: '签收时限', en: 'acknowledgement deadline' },
  resolveDeadline: { zh: '办结时限', en: 'resolution deadline' },
  replyDeadline: { zh: '答复时限', en: 'reply deadline' },
  feedbackDeadline: { zh: '评价时限', en: 'rating deadline' },
  yellowCard: { zh: '黄牌', en: 'yellow card' },
  redCard: { zh: '红牌', en: 'red card' },
  ledger: { zh: '问题台账', en: 'ledger' },
  enterpriseFile: { zh: '一企一档', en: 'enterprise file' },
  subscription: { zh: '消息订阅', en: 'notification subscription' },
  visit: { zh: '走访', en: 'visit' },
  fromVisit: { zh: '来自走访', en: 'from a visit' },
  taskList: { zh: '任务清单', en: 'task list' },
  planVsDone: { zh: '对比', en: 'plan against done' },
  needsList: { zh: '需求清单', en: 'needs list' },
  need: { zh: '需求', en: 'need' },
  workLog: { zh: '工作日志', en: 'work log' },
  liaisons: { zh: '联系人', en: 'liaisons' },
  keyEnterprise: { zh: '重点企业', en: 'key enterprise' },
  instructor: { zh: '指导员', en: 'instructor' },
  instructorScore: { zh: '量化积分', en: 'instructor score' },
  draft: { zh: '草稿', en: 'draft' },
  agendaItem: { zh: '议题', en: 'agenda item' },
  decision: { zh: '议定事项', en: 'decision' },
  minutes: { zh: '会议纪要', en: 'minutes' },
  convenor: { zh: '召集人', en: 'convenor' },
  cooperation: { zh: '推动合作', en: 'cooperation' },
  bulletin: { zh: '工作通报', en: 'bulletin' },
  quarterlyReview: { zh: '季度督查', en: 'quarterly inspection' },
  yearlyReview: { zh: '年度考评', en: 'yearly evaluation' },
  callback: { zh: '回访', en: 'callback' },
  askEnterprise: { zh: '补充材料', en: 'further information' },
  message: { zh: '留言', en: 'message' },
  internalNote: { zh: '内部备注', en: 'internal note' },
  handler: { zh: '承办人', en: 'handler' },
  merge: { zh: '合并', en: 'merge' },
  relate: { zh: '关联', en: 'link' },
  replyTemplate: { zh: '常用语', en: 'reply template' },
  channel: { zh: '受理渠道', en: 'channel' },
  sms: { zh: '短信', en: 'SMS' },
} as const;

export type Term = keyof typeof GLOSSARY;
type Words = { [K in Term]: string };

/** The terms in Simplified Chinese (Z.ticket = 诉求) and in English, for building messages. */
export const Z = Object.fromEntries(Object.entries(GLOSSARY).map(([k, v]) => [k, v.zh])) as Words;
export const E = Object.fromEntries(Object.entries(GLOSSARY).map(([k, v]) => [k, v.en])) as Words;
