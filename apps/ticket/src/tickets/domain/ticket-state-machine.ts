import { TicketStatus, TicketStatuses } from '@ticketing/contracts';

/** Everything that can happen to a ticket after it is submitted. */
export const TicketActions = [
  'queueTriage',
  'assign',
  'withdraw',
  'acknowledge',
  'requestTransfer',
  'approveTransfer',
  'rejectTransfer',
  'interimReply',
  'requestExtension',
  'decideExtension',
  'reportPart',
  'resolve',
  'reply',
  'giveFeedback',
  'reopen',
  'close',
  'closeWithoutFeedback',
  'supervise',
  'requestInformation',
  'provideInformation',
  'postMessage',
  'addNote',
  'assignHandler',
  'merge',
  'attachDuplicate',
  'followMain',
  'link',
  'recordCallback',
] as const;
export type TicketAction = (typeof TicketActions)[number];

/**
 * `same`: the status does not change. `decided`: the aggregate picks among the listed targets
 * (transfer rejected → back where it was; feedback → closed when satisfied, else stays resolved).
 */
export interface Transition {
  from: readonly TicketStatus[];
  to: TicketStatus | 'same';
  /** When `to` depends on the ticket, the statuses it may end in. */
  oneOf?: readonly TicketStatus[];
}

const OPEN: readonly TicketStatus[] = [
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'transfer_requested',
  'resolved',
  'reopened',
];

/** Open and routed to a lead department. */
const ROUTED: readonly TicketStatus[] = [
  'assigned',
  'in_progress',
  'transfer_requested',
  'reopened',
  'resolved',
];

/**
 * The lifecycle of DOMAIN.md as data: one row per action, the statuses it may start from and
 * where it leads. The aggregate refuses anything not in this table, and the unit spec walks it
 * for every status, so the table and the behaviour cannot drift apart.
 */
export const TRANSITIONS: Record<TicketAction, Transition> = {
  queueTriage: { from: ['submitted'], to: 'triage' },
  assign: { from: ['submitted', 'triage'], to: 'assigned' },
  // "before it is acknowledged": once a department has signed for it, the enterprise must go through feedback
  withdraw: { from: ['submitted', 'triage', 'assigned'], to: 'withdrawn' },
  acknowledge: { from: ['assigned', 'reopened'], to: 'in_progress' },
  // a department may object to a dispatch before signing (泉州: object within 1 working day) or later
  requestTransfer: { from: ['assigned', 'in_progress'], to: 'transfer_requested' },
  approveTransfer: { from: ['transfer_requested'], to: 'assigned' },
  rejectTransfer: { from: ['transfer_requested'], to: 'in_progress', oneOf: ['in_progress', 'assigned'] },
  interimReply: { from: ['in_progress', 'transfer_requested'], to: 'same' },
  requestExtension: { from: ['in_progress'], to: 'same' },
  decideExtension: { from: ['in_progress', 'transfer_requested'], to: 'same' },
  reportPart: { from: ['assigned', 'in_progress', 'transfer_requested', 'reopened'], to: 'same' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  reply: { from: ['in_progress', 'resolved'], to: 'same' },
  giveFeedback: { from: ['resolved'], to: 'same', oneOf: ['resolved', 'closed'] },
  reopen: { from: ['resolved'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
  closeWithoutFeedback: { from: ['resolved'], to: 'closed' },
  supervise: { from: OPEN, to: 'same' },
  // 补充材料: the lead asks once it has signed for the ticket; the enterprise answers while it is being handled.
  requestInformation: { from: ['in_progress'], to: 'same' },
  // A transfer keeps the question open (the SLA pause holds until it is answered), hence assigned too.
  provideInformation: { from: ['assigned', 'in_progress', 'transfer_requested'], to: 'same' },
  postMessage: { from: OPEN, to: 'same' },
  // Internal notes are a record for staff, also after the ticket ended.
  addNote: { from: TicketStatuses, to: 'same' },
  assignHandler: { from: ROUTED, to: 'same' },
  // A duplicate merges into a main ticket: it is handled there, and resolved when the main one is.
  merge: {
    from: ['assigned', 'in_progress', 'transfer_requested', 'reopened'],
    to: 'in_progress',
    oneOf: ['in_progress', 'resolved'],
  },
  attachDuplicate: { from: ROUTED, to: 'same' },
  followMain: { from: ['in_progress', 'resolved'], to: 'same', oneOf: ['in_progress', 'resolved'] },
  link: { from: TicketStatuses, to: 'same' },
  // 回访: the committee records the enterprise's answers once its own feedback window lapsed.
  recordCallback: { from: ['resolved'], to: 'same', oneOf: ['resolved', 'closed'] },
};

export const isTerminal = (s: TicketStatus): boolean => s === 'closed' || s === 'withdrawn';
