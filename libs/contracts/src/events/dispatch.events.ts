import { Flag, Id, Ids, Count, OneOf, optional, Text } from './payload-rules';

/** Events of the dispatch desk (党委响应), on topic ticketing.dispatch.v1, keyed by ticket id. */
export const DispatchEvents = {
  decided: 'dispatch.decided',
  triageNeeded: 'dispatch.triage-needed',
  transferDecided: 'dispatch.transfer-decided',
} as const;
export type DispatchEventType = (typeof DispatchEvents)[keyof typeof DispatchEvents];

export class DispatchDecidedPayload {
  @Id() ticketId!: string;
  @Id() leadDepartmentId!: string;
  @Ids() coHandlerDepartmentIds!: string[];
  @OneOf(['rule', 'manual']) via!: 'rule' | 'manual';
  @Id(optional) ruleId!: string | null;
  @Count(optional) ruleVersion!: number | null;
  /** Why: which conditions of the rule matched, or the committee's note. */
  @Text() explanation!: string;
}

export class DispatchTriageNeededPayload {
  @Id() ticketId!: string;
  @Text() explanation!: string;
}

export class DispatchTransferDecidedPayload {
  @Id() ticketId!: string;
  @Flag() approved!: boolean;
  @Id() fromDepartmentId!: string;
  /** When approved: the new lead and co-handlers. */
  @Id(optional) leadDepartmentId!: string | null;
  @Ids() coHandlerDepartmentIds!: string[];
  @Text() note!: string;
}

export const DispatchEventPayloads = {
  [DispatchEvents.decided]: DispatchDecidedPayload,
  [DispatchEvents.triageNeeded]: DispatchTriageNeededPayload,
  [DispatchEvents.transferDecided]: DispatchTransferDecidedPayload,
} as const;
