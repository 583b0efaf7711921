import { EventView, isCommitteeClock } from '../../events/domain/event-view';

export interface Audience {
  departmentIds: string[];
  enterpriseIds: string[];
  roles: string[];
}

const none: Audience = { departmentIds: [], enterpriseIds: [], roles: [] };

/**
 * Who sees an event in the app: the people who must act on it or are waiting for it. Department
 * users of the departments concerned, the enterprise's users for answers about their ticket, the
 * committee for what it must decide or supervise. The actor's own changes are not echoed.
 */
export function audienceOf(v: EventView): Audience {
  if (isCommitteeClock(v)) return { ...none, roles: ['committee'] };
  const lead = v.ticket.leadDepartmentId ? [v.ticket.leadDepartmentId] : [];
  const concerned = v.departmentId ? [v.departmentId] : lead;
  const ent = v.ticket.enterpriseId ? [v.ticket.enterpriseId] : [];
  switch (v.type) {
    case 'ticket.assigned':
      return { ...none, departmentIds: [...lead, ...v.ticket.coHandlerDepartmentIds] };
    case 'ticket.acknowledged':
    case 'ticket.resolved':
    case 'ticket.replied':
    case 'ticket.interim-replied':
    case 'ticket.information-requested':
      return { ...none, enterpriseIds: ent };
    case 'ticket.information-provided':
      return { ...none, departmentIds: lead };
    case 'ticket.message-posted':
      // Read by both sides: told to the side that did not write it.
      return v.payload.author === 'enterprise'
        ? { ...none, departmentIds: [...lead, ...v.ticket.coHandlerDepartmentIds] }
        : { ...none, enterpriseIds: ent };
    case 'ticket.transfer-requested':
    case 'ticket.extension-requested':
    case 'dispatch.triage-needed':
      return { ...none, roles: ['committee'] };
    case 'dispatch.transfer-decided':
    case 'ticket.transfer-rejected':
      return { ...none, departmentIds: [...new Set([...concerned, ...lead])] };
    case 'ticket.extension-decided':
    case 'ticket.reopened':
    case 'ticket.feedback-given':
    case 'ticket.supervised':
    case 'ticket.withdrawn':
    case 'sla.warning':
      return { ...none, departmentIds: concerned };
    case 'sla.breached':
    case 'sla.escalated':
      return { ...none, departmentIds: concerned, roles: ['committee'] };
    default:
      return none;
  }
}
