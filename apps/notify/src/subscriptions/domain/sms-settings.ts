import { TicketEvents } from '@ticketing/contracts';

/**
 * What an SMS tells the enterprise's contact, each by its own template (approved in the SMS
 * console): its ticket was assigned, a department asks it something, it was answered.
 */
export const SMS_KINDS = {
  assigned: TicketEvents.assigned,
  information_requested: TicketEvents.informationRequested,
  replied: TicketEvents.replied,
} as const;
export type SmsKind = keyof typeof SMS_KINDS;
export const SMS_KIND_NAMES = Object.keys(SMS_KINDS) as SmsKind[];

export const smsKindOf = (eventType: string): SmsKind | null =>
  SMS_KIND_NAMES.find((k) => SMS_KINDS[k] === eventType) ?? null;

/** The variables each template receives; the template's text must use these names. */
export const SMS_TEMPLATE_PARAMS: Record<SmsKind, readonly string[]> = {
  assigned: ['number', 'department'],
  information_requested: ['number', 'department'],
  replied: ['number', 'department'],
};

/** An SMS subscription's account: Alibaba Cloud SMS (dysmsapi). The AccessKey secret is the subscription's secret. */
export interface SmsSettings {
  accessKeyId: string;
  /** 短信签名, approved in the console (e.g. 园区吹哨报到). */
  signName: string;
  /** TemplateCode (SMS_…) per kind. */
  templates: Partial<Record<SmsKind, string>>;
}

/** One SMS as queued: to whom, which template, with what (never a note, never free text of the ticket). */
export interface SmsMessage {
  phone: string;
  kind: SmsKind;
  params: Record<string, string>;
}

/** A mainland mobile number from a contact phone as typed (spaces, dashes, +86), or null. */
export function mobileOf(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** Alibaba Cloud caps a template variable at 35 characters. */
export const smsParam = (value: string): string => (value.length > 35 ? `${value.slice(0, 34)}…` : value);
