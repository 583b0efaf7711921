/**
 * One topic per producing context. Keys are ticket ids (directory: entity id), so one ticket's
 * events stay in order across event types.
 */
export const Topics = {
  Ticket: 'ticketing.ticket.v1',
  Dispatch: 'ticketing.dispatch.v1',
  Sla: 'ticketing.sla.v1',
  Directory: 'ticketing.directory.v1',
  Notify: 'ticketing.notify.v1',
  Outreach: 'ticketing.outreach.v1',
  Meeting: 'ticketing.meeting.v1',
  Ledger: 'ticketing.ledger.v1',
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);

/** Messages that keep failing for a consumer go here, with the error in their headers. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;
