import { DomainError, TicketStatus } from '@ticketing/contracts';
import { TicketAction, TRANSITIONS } from './ticket-state-machine';

export const illegalTransition = (action: TicketAction, status: TicketStatus, why?: string): DomainError =>
  new DomainError(
    'illegalTransition',
    why
      ? `cannot ${action} a ticket that is ${status}: ${why}`
      : `cannot ${action} a ticket that is ${status}`,
    { action, currentStatus: status, allowedFrom: [...TRANSITIONS[action].from] },
  );

export const versionConflict = (expected: number, current: number, status: TicketStatus): DomainError =>
  new DomainError(
    'versionConflict',
    `the ticket changed since you saw it (you saw version ${expected}; it is now version ${current}, ${status}); reload and try again`,
    { currentStatus: status, currentVersion: current, expectedVersion: expected },
  );

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('validation', `${field}: ${message}`, { errors: [{ field, messages: [message] }] });
