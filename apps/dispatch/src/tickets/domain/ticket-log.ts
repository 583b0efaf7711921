import { Actor } from '@ticketing/contracts';

/** What the desk saw and decided about a ticket, in order (`GET tickets/:id/history`). */
export type HistoryKind =
  | 'submitted'
  | 'routed-by-rule'
  | 'triage-queued'
  | 'assigned-manually'
  | 'assigned'
  | 'transfer-requested'
  | 'transfer-approved'
  | 'transfer-rejected'
  | 'transfer-cancelled'
  | 'reopened'
  | 'withdrawn'
  | 'closed';

export interface HistoryEntry {
  kind: HistoryKind;
  at: Date;
  actor: Actor;
  departmentId: string | null;
  details: Record<string, unknown>;
}

export type ActivityKind =
  'assigned' | 'transfer_requested' | 'transfer_approved' | 'transfer_rejected' | 'reopened';

/**
 * One fact counted for a department (回退率 / 重办率 inputs). `sourceId` (the event or transfer
 * request that counted) makes a replay count nothing.
 */
export interface CountedFact {
  departmentId: string;
  kind: ActivityKind;
  occurredAt: Date;
  sourceId: string;
}
