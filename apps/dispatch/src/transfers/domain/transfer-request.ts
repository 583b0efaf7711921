import { DomainError } from '@ticketing/contracts';
import { FieldError, fieldProblem } from '@ticketing/platform';

export const TransferStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type TransferStatus = (typeof TransferStatuses)[number];

export interface TransferRequestState {
  id: string;
  ticketId: string;
  fromDepartmentId: string;
  status: TransferStatus;
  decidedAt: Date | null;
}

export interface TransferDecisionInput {
  approved: boolean;
  leadDepartmentId?: string;
  coHandlerDepartmentIds?: string[];
  note: string;
}

export interface TransferDecisionContext {
  isKnownDepartment(id: string): boolean;
  /** The ticket's co-handlers now; they stay with the ticket unless the committee names others. */
  currentCoHandlerDepartmentIds: string[];
}

export interface TransferDecision {
  status: 'approved' | 'rejected';
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  note: string;
}

/**
 * The committee's final word on a transfer request (首办负责制: a department cannot pass a ticket
 * on by itself). Approving names a new lead other than the department that asked; rejecting keeps
 * the ticket where it is. A request is decided once.
 */
export function decideTransfer(
  request: TransferRequestState,
  input: TransferDecisionInput,
  ctx: TransferDecisionContext,
): TransferDecision {
  const errors: FieldError[] = [];
  const note = input.note.trim();
  if (!note) errors.push({ field: 'note', messages: ['note must say why the committee decided so'] });
  if (input.approved) {
    const lead = input.leadDepartmentId;
    if (!lead) {
      errors.push({
        field: 'leadDepartmentId',
        messages: ['leadDepartmentId is required when the transfer is approved'],
      });
    } else if (lead === request.fromDepartmentId) {
      errors.push({
        field: 'leadDepartmentId',
        messages: ['leadDepartmentId must differ from the department that asked for the transfer'],
      });
    } else if (!ctx.isKnownDepartment(lead)) {
      errors.push({
        field: 'leadDepartmentId',
        messages: [`leadDepartmentId ${lead} is not a known active department`],
      });
    }
    const co = input.coHandlerDepartmentIds ?? ctx.currentCoHandlerDepartmentIds.filter((id) => id !== lead);
    const coMessages: string[] = [];
    const unknown = co.filter((id) => !ctx.isKnownDepartment(id));
    if (unknown.length)
      coMessages.push(`coHandlerDepartmentIds holds unknown departments: ${unknown.join(', ')}`);
    if (lead && co.includes(lead))
      coMessages.push('coHandlerDepartmentIds must not contain the new lead department');
    if (new Set(co).size !== co.length)
      coMessages.push('coHandlerDepartmentIds must not repeat a department');
    if (coMessages.length) errors.push({ field: 'coHandlerDepartmentIds', messages: coMessages });
    if (errors.length) throw fieldProblem(errors);
    assertPending(request);
    return { status: 'approved', leadDepartmentId: lead!, coHandlerDepartmentIds: co, note };
  }
  if (input.leadDepartmentId !== undefined) {
    errors.push({
      field: 'leadDepartmentId',
      messages: ['leadDepartmentId must be absent when the transfer is rejected'],
    });
  }
  if (input.coHandlerDepartmentIds !== undefined) {
    errors.push({
      field: 'coHandlerDepartmentIds',
      messages: ['coHandlerDepartmentIds must be absent when the transfer is rejected'],
    });
  }
  if (errors.length) throw fieldProblem(errors);
  assertPending(request);
  return { status: 'rejected', leadDepartmentId: null, coHandlerDepartmentIds: [], note };
}

function assertPending(request: TransferRequestState): void {
  if (request.status === 'pending') return;
  const when = request.decidedAt ? ` at ${request.decidedAt.toISOString()}` : '';
  throw new DomainError('conflict', `transfer request ${request.id} is already ${request.status}${when}`, {
    state: request.status,
  });
}
