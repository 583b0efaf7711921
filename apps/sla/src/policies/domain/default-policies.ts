import { PolicyDefinition, TimerRule } from './policy';

export const DEFAULT_CALENDAR_ID = 'default';

const ladder: TimerRule['escalations'] = [
  { step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } },
  { step: 'supervise', afterBreach: { amount: 1, unit: 'working_days' } },
  { step: 'joint_meeting', deadlineMultiple: 2 },
];

/**
 * Seed policies (the committee edits them). Sources: DOMAIN.md's "deadlines seen in practice".
 * - Everything ('*' × '*'): 签收 within 1 working day (枣庄), 办结 within 5 working days (中山, 许昌
 *   simple cases), answer to the enterprise within 7 working days (泉州), 5 working days for the
 *   enterprise's feedback, 1 working day for the committee to arbitrate a transfer (泉州: objections
 *   within 1 working day), co-handlers report to the lead within 3 working days (泉州).
 *   Resolution pauses while the committee decides an extension: the department asked in time
 *   and should not lose the days the committee takes.
 * - Urgent tickets: 2 working hours to acknowledge and 24 wall-clock hours to resolve, because an
 *   urgent problem (a broken water main) does not wait for Monday (Beijing 12345: utilities 24 h).
 * - Critical tickets: 1 hour / 2 hours wall-clock (Beijing 12345 emergencies: 2 h).
 * - Utilities at normal urgency: resolved within 24 wall-clock hours (Beijing 12345); urgent and
 *   critical utilities tickets take the stricter urgency policies.
 */
export const DEFAULT_POLICIES: { name: string; category: string; urgency: string; definition: PolicyDefinition }[] = [
  {
    name: '默认时限 Default deadlines',
    category: '*',
    urgency: '*',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
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
          pauseWhen: ['extension_pending'],
        },
        reply: {
          duration: { amount: 7, unit: 'working_days' },
          warnings: [{ percent: 80 }],
          escalations: ladder,
          pauseWhen: [],
        },
        feedback: { duration: { amount: 5, unit: 'working_days' }, warnings: [], escalations: [], pauseWhen: [] },
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
    },
  },
  {
    name: '紧急 Urgent',
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
          duration: { amount: 24, unit: 'hours' },
          warnings: [{ percent: 75 }, { before: { amount: 2, unit: 'hours' } }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'hours' } },
            { step: 'supervise', afterBreach: { amount: 4, unit: 'hours' } },
            { step: 'joint_meeting', deadlineMultiple: 2 },
          ],
          pauseWhen: ['extension_pending'],
        },
      },
    },
  },
  {
    name: '特急 Critical',
    category: '*',
    urgency: 'critical',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        respond: {
          duration: { amount: 1, unit: 'hours' },
          warnings: [{ percent: 50 }],
          escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'hours' } }, { step: 'supervise', deadlineMultiple: 2 }],
          pauseWhen: [],
        },
        resolve: {
          duration: { amount: 2, unit: 'hours' },
          warnings: [{ percent: 50 }, { before: { amount: 15, unit: 'minutes' } }],
          escalations: [
            { step: 'urge', afterBreach: { amount: 0, unit: 'hours' } },
            { step: 'supervise', afterBreach: { amount: 1, unit: 'hours' } },
            { step: 'joint_meeting', deadlineMultiple: 4 },
          ],
          pauseWhen: [],
        },
      },
    },
  },
  {
    name: '水电气暖 Utilities',
    category: 'utilities',
    urgency: 'normal',
    definition: {
      calendarId: DEFAULT_CALENDAR_ID,
      timers: {
        resolve: {
          duration: { amount: 24, unit: 'hours' },
          warnings: [{ percent: 75 }],
          escalations: ladder,
          pauseWhen: ['extension_pending'],
        },
      },
    },
  },
];
