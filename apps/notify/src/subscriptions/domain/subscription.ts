import { FieldProblem } from '../../shared/problems';
import { EventView } from '../../events/domain/event-view';
import { resolveEventType } from '../../events/domain/notify-events';

export const CHANNELS = ['wecom', 'dingtalk', 'webhook', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

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
): { ok: true; value: SubscriptionDefinition } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
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
      add('recipients', [`recipients is only for e-mail; ${channel} sends to its url`]);
  }

  if (channel === 'dingtalk' || channel === 'webhook') {
    secret = input.secret?.trim() || null;
    if (!secret)
      add('secret', [
        channel === 'dingtalk'
          ? "secret (the robot's 加签 secret, SEC…) is required for dingtalk"
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
      language: input.language ?? 'zh',
      enabled: input.enabled ?? true,
    },
  };
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
