import { createHmac } from 'node:crypto';
import { Mentions, RenderedMessage, toMarkdown, toText } from '../../messages/domain/message';

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** 企业微信 group robot: markdown, or text with mentioned_mobile_list (markdown cannot @ by mobile). */
export function wecomRequest(
  url: string,
  m: RenderedMessage,
  msgtype: 'markdown' | 'text',
  mentions: Mentions,
): OutgoingRequest {
  const body =
    msgtype === 'markdown'
      ? { msgtype: 'markdown', markdown: { content: toMarkdown(m) } }
      : {
          msgtype: 'text',
          text: {
            content: toText(m),
            ...(mentions.mobiles.length || mentions.all
              ? { mentioned_mobile_list: [...mentions.mobiles, ...(mentions.all ? ['@all'] : [])] }
              : {}),
          },
        };
  return { url, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/** DingTalk's 加签: base64(HmacSHA256(secret, `${timestamp}\n${secret}`)), URL-encoded. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
}

/** 钉钉 custom robot with the signed URL; markdown or text, @ by mobile via at.atMobiles. */
export function dingtalkRequest(
  url: string,
  secret: string,
  m: RenderedMessage,
  msgtype: 'markdown' | 'text',
  mentions: Mentions,
  now = Date.now(),
): OutgoingRequest {
  const at = { atMobiles: mentions.mobiles, isAtAll: mentions.all };
  const body =
    msgtype === 'markdown'
      ? { msgtype: 'markdown', markdown: { title: m.title, text: toMarkdown(m, mentions) }, at }
      : {
          msgtype: 'text',
          text: {
            content:
              toText(m) +
              (mentions.mobiles.length ? `\n${mentions.mobiles.map((x) => `@${x}`).join(' ')}` : ''),
          },
          at,
        };
  const signed = `${url}${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${dingtalkSign(secret, now)}`;
  return { url: signed, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

export const WEBHOOK_HEADERS = {
  timestamp: 'X-Chuishao-Timestamp',
  signature: 'X-Chuishao-Signature',
  event: 'X-Chuishao-Event',
  delivery: 'X-Chuishao-Delivery',
} as const;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`; the timestamp is in Unix seconds. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookEnvelope {
  deliveryId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
}

/** Generic JSON webhook. Each attempt is signed afresh, so a retry is never refused as a replay. */
export function webhookRequest(
  url: string,
  secret: string,
  m: RenderedMessage,
  e: WebhookEnvelope,
  now = Date.now(),
): OutgoingRequest {
  const timestamp = Math.floor(now / 1000);
  const body = JSON.stringify({
    deliveryId: e.deliveryId,
    event: { id: e.eventId, type: e.eventType, occurredAt: e.occurredAt },
    ticket: m.ticketId ? { id: m.ticketId, number: m.ticketNumber, link: m.link } : null,
    message: { title: m.title, summary: m.summary, facts: m.facts, text: toText(m), markdown: toMarkdown(m) },
  });
  return {
    url,
    headers: {
      ...JSON_HEADERS,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: webhookSignature(secret, timestamp, body),
      [WEBHOOK_HEADERS.event]: e.eventType,
      [WEBHOOK_HEADERS.delivery]: e.deliveryId,
    },
    body,
  };
}

/**
 * Whether a robot's answer means delivered. WeCom and DingTalk answer HTTP 200 even on errors,
 * with {"errcode": non-zero, "errmsg"}: only errcode 0 is success.
 */
export function robotOutcome(status: number, text: string): { ok: true } | { ok: false; error: string } {
  if (status < 200 || status >= 300)
    return { ok: false, error: `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  let reply: { errcode?: unknown; errmsg?: unknown };
  try {
    reply = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: `robot answered HTTP ${status} with a body that is not JSON: ${text.slice(0, 200)}`,
    };
  }
  if (reply.errcode === 0) return { ok: true };
  return { ok: false, error: `robot error ${String(reply.errcode)}: ${String(reply.errmsg ?? '')}` };
}

/** A webhook receiver succeeds with any 2xx; its body is not ours to interpret. */
export function webhookOutcome(status: number, text: string): { ok: true } | { ok: false; error: string } {
  return status >= 200 && status < 300
    ? { ok: true }
    : { ok: false, error: `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
}
