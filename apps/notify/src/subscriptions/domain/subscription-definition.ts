import { EventView } from '../../events/domain/event-view';
import { resolveEventType } from '../../events/domain/notify-events';
import { SMS_KIND_NAMES, SMS_KINDS, SmsKind, SmsSettings } from './sms-settings';

export const CHANNELS = ['wecom', 'dingtalk', 'webhook', 'email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Group robots: a robot whose department filter names a department is that department's robot. */
export const isRobot = (channel: Channel): boolean => channel === 'wecom' || channel === 'dingtalk';

/** A field of a subscription at fault and why, shaped like the validation pipe's errors. */
export interface DefinitionProblem {
  field: string;
  messages: string[];
}

export interface SubscriptionFilters {
  departmentIds: string[];
  categories: string[];
  gridIds: string[];
  urgencies: string[];
}

/** A subscription as the domain sees it: what to send, where, and for which events. */
export interface SubscriptionDefinition extends SubscriptionFilters {
  name: string;
  channel: Channel;
  /** Event types (friendly names resolved). */
  events: string[];
  url: string | null;
  secret: string | null;
  msgtype: 'markdown' | 'text' | null;
  mentionMobiles: string[];
  mentionAll: boolean;
  recipients: string[];
  /** Channel sms: the account, sign name and templates (the AccessKey secret is `secret`). */
  sms: SmsSettings | null;
  language: 'zh' | 'en';
  enabled: boolean;
}

export interface SubscriptionInput {
  name: string;
  channel: Channel;
  events: string[];
  departmentIds?: string[];
  categories?: string[];
  gridIds?: string[];
  urgencies?: string[];
  url?: string;
  secret?: string;
  msgtype?: 'markdown' | 'text';
  mentionMobiles?: string[];
  mentionAll?: boolean;
  recipients?: string[];
  smsAccessKeyId?: string;
  smsSignName?: string;
  smsTemplates?: Partial<Record<SmsKind, string>>;
  language?: 'zh' | 'en';
  enabled?: boolean;
}

export interface ValidationContext {
  /** Plain http:// receivers allowed (local gateways, tests). */
  allowHttp: boolean;
  /** An SMTP server is configured. */
  emailAvailable: boolean;
}

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const MOBILE = /^1\d{10}$/;
const ACCESS_KEY_ID = /^[A-Za-z0-9]{1,128}$/;
const TEMPLATE_CODE = /^SMS_\d{1,20}$/;

/** Checks a receiver URL; returns the problems, empty when it is fine. */
export function urlProblems(raw: string | undefined, channel: Channel, ctx: ValidationContext): string[] {
  if (!raw) return [`url is required for ${channel}`];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return ['url must be an absolute URL such as https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:' && !(ctx.allowHttp && url.protocol === 'http:'))
    problems.push('url must use https');
  if (url.username || url.password) problems.push('url must not carry a user name or password');
  if (url.hash) problems.push('url must not have a #fragment');
  // The real robot hosts have one known shape; a self-hosted gateway may use any https URL.
  if (url.hostname === 'qyapi.weixin.qq.com') {
    if (channel !== 'wecom') problems.push('url is a WeCom robot address; use channel wecom');
    else if (url.pathname !== '/cgi-bin/webhook/send' || !url.searchParams.get('key')) {
      problems.push(
        'url of a WeCom group robot must be https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<robot key>',
      );
    }
  }
  if (url.hostname === 'oapi.dingtalk.com') {
    if (channel !== 'dingtalk') problems.push('url is a DingTalk robot address; use channel dingtalk');
    else if (url.pathname !== '/robot/send' || !url.searchParams.get('access_token')) {
      problems.push(
        'url of a DingTalk robot must be https://oapi.dingtalk.com/robot/send?access_token=<token>',
      );
    }
  }
  if (channel === 'dingtalk' && (url.searchParams.has('timestamp') || url.searchParams.has('sign'))) {
    problems.push('url must not contain timestamp or sign: they are added to each request');
  }
  return problems;
}

/**
 * Turns a request into a subscription, or names every field at fault. The request's shape is
 * already checked by its DTO; these are the rules that depend on the channel and the settings.
 */
export function buildSubscription(
  input: SubscriptionInput,
  ctx: ValidationContext,
): { ok: true; value: SubscriptionDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const add = (field: string, messages: string[]) => messages.length && problems.push({ field, messages });

  const events: string[] = [];
  const unknown: string[] = [];
  for (const e of input.events) {
    const type = resolveEventType(e);
    if (type) events.push(type);
    else unknown.push(e);
  }
  if (unknown.length)
    add('events', [
      `unknown event(s): ${unknown.join(', ')}; use names such as assigned, breached or types such as ticket.assigned`,
    ]);

  const channel = input.channel;
  let url: string | null = null;
  let secret: string | null = null;
  let msgtype: SubscriptionDefinition['msgtype'] = null;
  let recipients: string[] = [];
  const mentionMobiles = input.mentionMobiles ?? [];

  if (channel === 'email') {
    if (!ctx.emailAvailable)
      add('channel', ['e-mail is not configured on this server (SMTP_URL is not set)']);
    if (input.url) add('url', ['url is not used by e-mail; list the addresses in recipients']);
    recipients = (input.recipients ?? []).map((r) => r.trim());
    if (!recipients.length) add('recipients', ['recipients must list at least one e-mail address']);
    const bad = recipients.filter((r) => !EMAIL.test(r));
    if (bad.length) add('recipients', [`not e-mail addresses: ${bad.join(', ')}`]);
  } else {
    add('url', urlProblems(input.url, channel, ctx));
    url = input.url ?? null;
    if (input.recipients?.length)
      add('recipients', [
        channel === 'sms'
          ? "recipients is only for e-mail; sms goes to each ticket's contact phone"
          : `recipients is only for e-mail; ${channel} sends to its url`,
      ]);
  }

  if (channel === 'dingtalk' || channel === 'webhook' || channel === 'sms') {
    secret = input.secret?.trim() || null;
    if (!secret)
      add('secret', [
        channel === 'dingtalk'
          ? "secret (the robot's 加签 secret, SEC…) is required for dingtalk"
          : channel === 'sms'
            ? 'secret (the AccessKey secret of the SMS account) is required for sms'
            : 'secret is required for webhook: receivers verify the signature with it',
      ]);
    else if (channel === 'webhook' && secret.length < 16)
      add('secret', ['secret must be at least 16 characters']);
  } else if (input.secret) {
    add('secret', [`secret is not used by ${channel}`]);
  }

  if (channel === 'wecom' || channel === 'dingtalk') {
    msgtype = input.msgtype ?? 'markdown';
    const badMobiles = mentionMobiles.filter((m) => !MOBILE.test(m));
    if (badMobiles.length) add('mentionMobiles', [`not mainland mobile numbers: ${badMobiles.join(', ')}`]);
    if (channel === 'wecom' && msgtype === 'markdown' && (mentionMobiles.length || input.mentionAll)) {
      add('mentionMobiles', [
        'WeCom robots @mention by mobile number only in text messages; set msgtype to text',
      ]);
    }
  } else {
    if (input.msgtype) add('msgtype', [`msgtype is only for wecom and dingtalk`]);
    if (mentionMobiles.length || input.mentionAll)
      add('mentionMobiles', [`@mentions are only for wecom and dingtalk`]);
  }

  let sms: SmsSettings | null = null;
  if (channel === 'sms') {
    sms = smsSettings(input, events, add);
  } else {
    for (const f of ['smsAccessKeyId', 'smsSignName', 'smsTemplates'] as const)
      if (input[f] !== undefined) add(f, [`${f} is only for sms`]);
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name: input.name.trim(),
      channel,
      events: [...new Set(events)],
      departmentIds: [...new Set(input.departmentIds ?? [])],
      categories: [...new Set(input.categories ?? [])],
      gridIds: [...new Set(input.gridIds ?? [])],
      urgencies: [...new Set(input.urgencies ?? [])],
      url,
      secret,
      msgtype,
      mentionMobiles,
      mentionAll: input.mentionAll ?? false,
      recipients,
      sms,
      language: input.language ?? 'zh',
      enabled: input.enabled ?? true,
    },
  };
}

/** An SMS subscription's account and templates: one approved template for each event it sends. */
function smsSettings(
  input: SubscriptionInput,
  events: string[],
  add: (field: string, messages: string[]) => unknown,
): SmsSettings {
  const kinds = Object.fromEntries(SMS_KIND_NAMES.map((k) => [SMS_KINDS[k], k])) as Record<string, SmsKind>;
  const notSms = events.filter((e) => !kinds[e]);
  if (notSms.length)
    add('events', [
      `sms sends only ${SMS_KIND_NAMES.join(', ')} (to the enterprise's contact); not ${notSms.join(', ')}`,
    ]);
  const accessKeyId = input.smsAccessKeyId?.trim() ?? '';
  if (!accessKeyId)
    add('smsAccessKeyId', ['smsAccessKeyId (the AccessKey ID of the SMS account) is required for sms']);
  else if (!ACCESS_KEY_ID.test(accessKeyId))
    add('smsAccessKeyId', ['smsAccessKeyId must be letters and digits, as the console shows it']);
  const signName = input.smsSignName?.trim() ?? '';
  if (!signName) add('smsSignName', ['smsSignName (the approved 短信签名) is required for sms']);
  else if (signName.length > 30 || /[【】[\]]/.test(signName))
    add('smsSignName', ['smsSignName must be the sign name itself, at most 30 characters, without 【】']);
  const given: Partial<Record<string, string>> = input.smsTemplates ?? {};
  const templates: Partial<Record<SmsKind, string>> = {};
  const unknownKinds = Object.keys(given).filter((k) => !(SMS_KIND_NAMES as string[]).includes(k));
  if (unknownKinds.length)
    add('smsTemplates', [`smsTemplates names kinds sms does not send: ${unknownKinds.join(', ')}`]);
  for (const k of SMS_KIND_NAMES) {
    const code = given[k]?.trim();
    if (code) templates[k] = code;
  }
  const badCodes = Object.entries(templates).filter(([, c]) => !TEMPLATE_CODE.test(c ?? ''));
  if (badCodes.length)
    add('smsTemplates', [`template codes look like SMS_123456789: ${badCodes.map(([k]) => k).join(', ')}`]);
  const missing = events.filter((e) => kinds[e] && !templates[kinds[e]]).map((e) => kinds[e]);
  if (missing.length) add('smsTemplates', [`smsTemplates needs a template code for ${missing.join(', ')}`]);
  return { accessKeyId, signName, templates };
}

/** Whether an event passes a subscription's filters; an empty filter lets everything through. */
export function matches(sub: SubscriptionFilters & { events: string[] }, view: EventView): boolean {
  if (!sub.events.includes(view.type)) return false;
  if (sub.departmentIds.length && !view.departmentIds.some((d) => sub.departmentIds.includes(d)))
    return false;
  if (sub.categories.length && !(view.ticket.category && sub.categories.includes(view.ticket.category)))
    return false;
  if (sub.gridIds.length && !(view.ticket.gridId && sub.gridIds.includes(view.ticket.gridId))) return false;
  if (sub.urgencies.length && !(view.ticket.urgency && sub.urgencies.includes(view.ticket.urgency)))
    return false;
  return true;
}

/** A URL safe to show: robot keys and tokens in the query are credentials. */
export function maskUrl(raw: string | null): string | null {
  if (!raw) return raw;
  try {
    const url = new URL(raw);
    for (const key of ['key', 'access_token', 'token', 'sign', 'secret']) {
      const v = url.searchParams.get(key);
      if (v) url.searchParams.set(key, `${v.slice(0, 4)}…`);
    }
    return url.toString();
  } catch {
    return '…';
  }
}
