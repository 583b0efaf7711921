/** Events of the dispatch desk (党委响应), on topic ticketing.dispatch.v1, keyed by ticket id. */
export const DispatchEvents = {
  decided: 'dispatch.decided',
  triageNeeded: 'dispatch.triage-needed',
  transferDecided: 'dispatch.transfer-decided',
} as const;

export interface DispatchDecidedPayload {
  ticketId: string;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  via: 'rule' | 'manual';
  ruleId: string | null;
  ruleVersion: number | null;
  /** Why: which conditions of the rule matched, or the committee's note. */
  explanation: string;
}

export interface DispatchTriageNeededPayload {
  ticketId: string;
  explanation: string;
}

export interface DispatchTransferDecidedPayload {
  ticketId: string;
  approved: boolean;
  fromDepartmentId: string;
  /** When approved: the new lead and co-handlers. */
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  note: string;
}
