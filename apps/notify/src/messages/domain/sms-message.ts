import { EventView } from '../../events/domain/event-view';
import { SmsMessage, smsKindOf, smsParam } from '../../subscriptions/domain/sms-settings';
import { NameBook } from './message-templates';

/**
 * The SMS for an event, to the ticket's contact: its kind and the template's variables, the
 * ticket number and the department's name, nothing else (a question's or an answer's text stays
 * in the app, where the enterprise logs in to read it).
 */
export function smsMessageOf(view: EventView, names: NameBook, phone: string): SmsMessage | null {
  const kind = smsKindOf(view.type);
  if (!kind) return null;
  const department =
    names.department(view.departmentId) ?? names.department(view.ticket.leadDepartmentId) ?? '承办部门';
  return { phone, kind, params: { number: smsParam(view.ticket.number), department: smsParam(department) } };
}
