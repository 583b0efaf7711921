import { PolicyDefinition, PolicySubject, TimerRule } from './policy';

export const DEFAULT_CALENDAR_ID = 'default';

/** The seeded calendar's names: Chinese in `name` (the UI's default language), English beside it. */
export const DEFAULT_CALENDAR_NAMES = {
  name: '全国（国务院通知）',
  nameEn: 'Mainland China (State Council notices)',
};

const ladder: TimerRule['escalations'] = [
  { step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } },
  { step: 'supervise', afterBreach: { amount: 1, unit: 'working_days' } },
  { step: 'joint_meeting', deadlineMultiple: 2 },
];

/** For deadlines of hours: urged at the breach, supervised half a day later, on the joint-meeting agenda at twice the time. */
const hoursLadder: TimerRule['escalations'] = [
  { step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } },
  { step: 'supervise', afterBreach: { amount: 4, unit: 'working_hours' } },
  { step: 'joint_meeting', deadlineMultiple: 2 },
];

export interface DefaultPolicy {
  name: string;
  nameEn: string;
  subject: PolicySubject;
  category: string;
  urgency: string;
  definition: PolicyDefinition;
}

/**
 * The default policies (the committee edits them), as migration 1765000000000 seeds them: a new
 * version of each seeded ticket policy, and the decisions' policy. That migration reads them from
 * here; a later change of defaults is a new migration, which first copies these into 1765000000000.
 * Sources: DOMAIN.md's "deadlines seen in practice". Two rules hold for every category × urgency
 * (policy.spec checks them):
 * - the answer to the enterprise (答复, 100%限期反馈) is never due after the resolution (办结);
 * - resolution counts working time, never clock hours: a deadline that falls at 22:47 or on a Sunday
 *   is one nobody works to.
 *
 * - Everything ('*' × '*'): the committee's desk routes within 2 working hours (Beijing 12345: online
 *   intake ≤ 2 h), 签收 within 1 working day (枣庄), 办结 within 5 working days (中山, 许昌 simple
 *   cases), the answer to the enterprise by then too, 5 working days for the enterprise's feedback
 *   and then 3 for the committee's callback (回访), 1 working day to arbitrate a transfer (泉州:
 *   objections within 1 working day), co-handlers report to the lead within 3 working days (泉州).
 *   Resolution stops while the committee decides an extension (the department asked in time and
 *   should not lose the days the committee takes) and while the enterprise is asked for information.
 * - Urgent tickets: 2 working hours to sign, 1 working day to resolve and answer (Beijing 12345's
 *   24 h for utilities, counted in office time), co-handlers within half a day.
 * - Critical tickets: 1 / 2 working hours (Beijing 12345 emergencies: 2 h).
 * - Utilities at normal urgency: 2 working days to resolve and answer (a broken water main is quick
 *   work); urgent and critical utilities tickets take the stricter urgency policies.
 * - Decisions of joint meetings: the decision names its working days; one that names none has 10
 *   (枣庄's 10 working days for a ticket); yellow at 80 %, the same escalation ladder as tickets.
 */
export const DEFAULT_POLICIES: DefaultPolicy[] = [
  {
    name: '默认时限',
    nameEn: 'Default deadlines',
    subject: 'ticket',
    category: '*',
    urgency: '*',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        triage: {
          duration: { amount: 2, unit: 'working_hours' },
          warnings: [{ percent: 50 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } }],
          pauseWhen: [],
        },
        respond: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ before: { amount: 2, unit: 'working_hours' } }],
          escalations: ladder,
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 5, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: ladder,
          pauseWhen: ['extension_pending', 'awaiting_enterprise'],
        },
        reply: {
          duration: { amount: 5, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: ladder,
          pauseWhen: [],
        },
        feedback: {
          duration: { amount: 5, unit: 'working_days' },
          warnings: [],
          escalations: [],
          pauseWhen: [],
        },
        transfer_arbitration: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ percent: 50 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } }],
          pauseWhen: [],
        },
        co_handler_report: {
          duration: { amount: 3, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } }],
          pauseWhen: [],
        },
      },
      pauseWhileAwaitingEnterprise: true,
      callbackWindow: { amount: 3, unit: 'working_days' },
    },
  },
  {
    name: '紧急',
    nameEn: 'Urgent',
    subject: 'ticket',
    category: '*',
    urgency: 'urgent',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        respond: {
          duration: { amount: 2, unit: 'working_hours' },
          warnings: [{ percent: 75 }],
          escalations: ladder,
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ percent: 75 }, { before: { amount: 2, unit: 'working_hours' } }],
          escalations: hoursLadder,
          pauseWhen: ['extension_pending', 'awaiting_enterprise'],
        },
        reply: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ percent: 75 }],
          escalations: hoursLadder,
          pauseWhen: [],
        },
        co_handler_report: {
          duration: { amount: 4, unit: 'working_hours' },
          warnings: [{ percent: 50 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } }],
          pauseWhen: [],
        },
      },
      pauseWhileAwaitingEnterprise: true,
    },
  },
  {
    name: '特急',
    nameEn: 'Critical',
    subject: 'ticket',
    category: '*',
    urgency: 'critical',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        respond: {
          duration: { amount: 1, unit: 'working_hours' },
          warnings: [{ percent: 50 }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } },
            { step: 'supervise', deadlineMultiple: 2 },
          ],
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 2, unit: 'working_hours' },
          warnings: [{ percent: 50 }, { before: { amount: 15, unit: 'working_minutes' } }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } },
            { step: 'supervise', afterBreach: { amount: 1, unit: 'working_hours' } },
            { step: 'joint_meeting', deadlineMultiple: 4 },
          ],
          pauseWhen: ['awaiting_enterprise'],
        },
        reply: {
          duration: { amount: 2, unit: 'working_hours' },
          warnings: [{ percent: 50 }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } },
            { step: 'supervise', afterBreach: { amount: 1, unit: 'working_hours' } },
          ],
          pauseWhen: [],
        },
        co_handler_report: {
          duration: { amount: 1, unit: 'working_hours' },
          warnings: [{ percent: 50 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } }],
          pauseWhen: [],
        },
      },
      pauseWhileAwaitingEnterprise: true,
    },
  },
  {
    name: '水电气暖',
    nameEn: 'Utilities',
    subject: 'ticket',
    category: 'utilities',
    urgency: 'normal',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        resolve: {
          duration: { amount: 2, unit: 'working_days' },
          warnings: [{ percent: 75 }],
          escalations: ladder,
          pauseWhen: ['extension_pending', 'awaiting_enterprise'],
        },
        reply: {
          duration: { amount: 2, unit: 'working_days' },
          warnings: [{ percent: 75 }],
          escalations: ladder,
          pauseWhen: [],
        },
        co_handler_report: {
          duration: { amount: 1, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } }],
          pauseWhen: [],
        },
      },
      pauseWhileAwaitingEnterprise: true,
    },
  },
  {
    name: '议定事项时限',
    nameEn: 'Decisions of joint meetings',
    subject: 'decision',
    category: '*',
    urgency: '*',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        decision: {
          duration: { amount: 10, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: ladder,
          pauseWhen: [],
        },
      },
    },
  },
];

/** The names the first seeds carried (Chinese and English in one string), and the pair each becomes. */
export const RENAMED_SEEDS: { was: string; name: string; nameEn: string }[] = [
  { was: '默认时限 Default deadlines', name: '默认时限', nameEn: 'Default deadlines' },
  { was: '紧急 Urgent', name: '紧急', nameEn: 'Urgent' },
  { was: '特急 Critical', name: '特急', nameEn: 'Critical' },
  { was: '水电气暖 Utilities', name: '水电气暖', nameEn: 'Utilities' },
];
