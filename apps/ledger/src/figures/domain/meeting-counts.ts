/** 联席会议 counts of a period: each is a count of rows the definitions name. */
export interface MeetingCounts {
  /** Meetings held (meeting.held) in the period. */
  held: number;
  /** Decisions (议定事项) made in the period. */
  decided: number;
  /** Decisions the committee closed as solved in the period. */
  solved: number;
  /** Decisions marked as a cooperation (推动达成合作) that the committee closed as solved in the period. */
  cooperations: number;
}

export const MEETING_COUNT_DEFINITIONS = {
  held: {
    en: 'meetings held in the period',
    zh: '召开联席会议次数：会议召开时间在本期',
    sql: `m.status = 'held' AND m.held_month = ANY($1)`,
  },
  decided: {
    en: 'decisions made in the period',
    zh: '议定事项数：作出决定的时间在本期',
    sql: `d.decided_month = ANY($1)`,
  },
  solved: {
    en: 'decisions the committee closed as solved in the period',
    zh: '解决事项数：本期由综合党委以“已解决”办结的议定事项',
    sql: `d.outcome = 'solved' AND d.closed_month = ANY($1)`,
  },
  // As docs/domain.md and the meeting service count it: a cooperation is reached when its decision
  // is closed as solved, not when it is made.
  cooperations: {
    en: 'decisions marked as a cooperation that the committee closed as solved in the period',
    zh: '推动达成合作数：本期由综合党委以“已解决”办结、标为合作的议定事项',
    sql: `d.cooperation AND d.outcome = 'solved' AND d.closed_month = ANY($1)`,
  },
} as const;
