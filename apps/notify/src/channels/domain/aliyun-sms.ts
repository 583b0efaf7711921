import { createHmac, randomUUID } from 'node:crypto';
import { OutgoingRequest } from './robot-requests';

/**
 * Alibaba Cloud SMS (短信服务, dysmsapi) SendSms, signed with the RPC signature v1: the request's
 * parameters sorted by name and percent-encoded (RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they
 * are, a space is %20), joined with & into the canonical query; the string to sign is
 * `<METHOD>&%2F&<percent-encoded canonical query>`; the signature is
 * Base64(HMAC-SHA1(AccessKeySecret + "&", string to sign)).
 */
export const ALIYUN_SMS_VERSION = '2017-05-25';

export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join('&');
}

export function stringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function rpcSignature(
  accessKeySecret: string,
  method: string,
  params: Record<string, string>,
): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign(method, params)).digest('base64');
}

/** ISO 8601 in UTC to the second, as the API wants it (2017-07-12T02:42:19Z). */
export const rpcTimestamp = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface SmsSend {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  phone: string;
  templateParam: Record<string, string>;
  /** Ours, echoed in Alibaba's delivery reports: the delivery id. */
  outId: string;
}

/** One SendSms call as a signed form POST (the parameters stay out of URLs and access logs). */
export function aliyunSendSmsRequest(
  s: SmsSend,
  now = new Date(),
  nonce: string = randomUUID(),
): OutgoingRequest {
  const params: Record<string, string> = {
    AccessKeyId: s.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    OutId: s.outId,
    PhoneNumbers: s.phone,
    RegionId: 'cn-hangzhou',
    SignName: s.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: nonce,
    SignatureVersion: '1.0',
    TemplateCode: s.templateCode,
    TemplateParam: JSON.stringify(s.templateParam),
    Timestamp: rpcTimestamp(now),
    Version: ALIYUN_SMS_VERSION,
  };
  const signature = rpcSignature(s.accessKeySecret, 'POST', params);
  return {
    url: s.endpoint,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      accept: 'application/json',
    },
    body: `Signature=${percentEncode(signature)}&${canonicalQuery(params)}`,
  };
}

/** Sent only when the API answers Code "OK"; anything else (a refused signature, a template not approved, a limit) is a failure to retry. */
export function aliyunSmsOutcome(status: number, text: string): { ok: true } | { ok: false; error: string } {
  let reply: { Code?: unknown; Message?: unknown };
  try {
    reply = JSON.parse(text);
  } catch {
    return { ok: false, error: `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  }
  if (status >= 200 && status < 300 && reply.Code === 'OK') return { ok: true };
  return {
    ok: false,
    error: `sms error ${String(reply.Code ?? `HTTP ${status}`)}: ${String(reply.Message ?? '')}`,
  };
}
