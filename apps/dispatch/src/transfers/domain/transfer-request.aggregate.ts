import {
  decideTransfer,
  TransferDecision,
  TransferDecisionContext,
  TransferDecisionInput,
  TransferStatus,
} from './transfer-request';

export interface TransferRequestRecord {
  id: string;
  ticketId: string;
  ticketNumber: string;
  /** The department that asked to hand the ticket on. */
  fromDepartmentId: string;
  reason: string;
  requestedAt: Date;
  requestedBy: string;
  /** The ticket.transfer-requested event this request came from. */
  sourceEventId: string;
  status: TransferStatus;
  decidedAt: Date | null;
  decidedBy: string | null;
  /** Approved: the new lead. */
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  note: string | null;
}

/**
 * 退单/转办: a department's request that the committee hand its ticket on. It waits for the
 * committee's one decision, or is cancelled by the system (a newer request, the ticket's end).
 */
export class TransferRequest {
  private row: 'insert' | 'update' | null;

  private constructor(
    private record: TransferRequestRecord,
    isNew: boolean,
  ) {
    this.row = isNew ? 'insert' : null;
  }

  static request(r: {
    id: string;
    ticketId: string;
    ticketNumber: string;
    fromDepartmentId: string;
    reason: string;
    requestedAt: Date;
    requestedBy: string;
    sourceEventId: string;
  }): TransferRequest {
    return new TransferRequest(
      {
        ...r,
        status: 'pending',
        decidedAt: null,
        decidedBy: null,
        leadDepartmentId: null,
        coHandlerDepartmentIds: [],
        note: null,
      },
      true,
    );
  }

  static restore(record: TransferRequestRecord): TransferRequest {
    return new TransferRequest({ ...record }, false);
  }

  get id(): string {
    return this.record.id;
  }
  get ticketId(): string {
    return this.record.ticketId;
  }
  get fromDepartmentId(): string {
    return this.record.fromDepartmentId;
  }
  get reason(): string {
    return this.record.reason;
  }
  get status(): TransferStatus {
    return this.record.status;
  }
  get note(): string | null {
    return this.record.note;
  }
  get state(): Readonly<TransferRequestRecord> {
    return this.record;
  }

  /** The committee decides once (see decideTransfer); a request already settled is a conflict naming its state. */
  decide(
    input: TransferDecisionInput,
    ctx: TransferDecisionContext,
    decidedBy: string,
    now: Date,
  ): TransferDecision {
    const decision = decideTransfer(this.record, input, ctx);
    this.settle({
      status: decision.status,
      decidedAt: now,
      decidedBy,
      leadDepartmentId: decision.leadDepartmentId,
      coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
      note: decision.note,
    });
    return decision;
  }

  /** Moot now: the system closes it with the reason, and the committee no longer arbitrates it. */
  cancel(note: string, now: Date): void {
    this.settle({ status: 'cancelled', decidedAt: now, decidedBy: 'system', note });
  }

  /** Whether the row must be written; the repository writes it and the request starts clean. */
  pullChanges(): { row: 'insert' | 'update' | null } {
    const row = this.row;
    this.row = null;
    return { row };
  }

  private settle(change: Partial<TransferRequestRecord>): void {
    this.record = { ...this.record, ...change };
    this.row ??= 'update';
  }
}
