/**
 * Timeline steps the ticket writes itself carry a code and parameters instead of a sentence, so
 * each reader sees them in its own language (the web maps every code to Chinese and English).
 * What a person wrote (a reason, a message, a note) stays as they wrote it.
 */
export const TicketReasonCodes = {
  /** Closed at once by a satisfied or basically satisfied rating. Params: satisfaction, via (enterprise / callback). */
  closedSatisfied: 'closed.satisfied',
  /**
   * Closed by the system when the committee's callback window (回访) lapsed after the feedback
   * window. Params: outcome (no_feedback, or feedback when an unsatisfied rating was left standing).
   */
  closedCallbackLapsed: 'closed.callbackLapsed',
  /** Closed by the system when the feedback window lapsed (before callbacks existed). Params: outcome. */
  closedFeedbackLapsed: 'closed.feedbackLapsed',
  /** A merged duplicate received the main ticket's answer. Params: mainTicketId, mainTicketNumber. */
  followedMain: 'followed.main',
  /** A merged duplicate was reopened by its enterprise and leaves the main ticket. Params: mainTicketId, mainTicketNumber. */
  reopenedLeftMain: 'reopened.leftMain',
} as const;
export type TicketReasonCode = (typeof TicketReasonCodes)[keyof typeof TicketReasonCodes];

/**
 * Steps written before codes existed hold the English sentence; the reader shows them as the
 * code they stand for (the timeline is append-only, so they are read this way, not rewritten).
 */
export const LEGACY_REASONS: Record<string, { code: TicketReasonCode; params: Record<string, string> }> = {
  'satisfied with the outcome': { code: TicketReasonCodes.closedSatisfied, params: { via: 'enterprise' } },
  'the feedback window lapsed': { code: TicketReasonCodes.closedFeedbackLapsed, params: {} },
};
