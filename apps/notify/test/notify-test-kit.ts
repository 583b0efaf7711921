import { AuthUser, TokenService } from '@ticketing/auth';
import { createEnvelope, EventEnvelope, Topics } from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@ticketing/messaging';
import { RunningService, startService } from '@ticketing/platform';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { NotifyEnv } from '../src/notify.env';
import { NotifyModule } from '../src/notify.module';

export const SECRET = 'x'.repeat(40);
/** The key that seals stored secrets in these suites (a real 32-byte key; tests never write one into DATA_DIR). */
export const NOTIFY_KEY = Buffer.alloc(32, 0x5e).toString('base64');
const tokens = new TokenService(SECRET);

export function startNotify(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Promise<RunningService> {
  return startService({
    service: 'notify',
    env: NotifyEnv,
    modules: [NotifyModule],
    environment: {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      NOTIFY_ALLOW_HTTP: 'true',
      // The receivers of these suites listen on loopback; one suite proves the refusal with this off.
      NOTIFY_ALLOW_PRIVATE_RECEIVERS: 'true',
      NOTIFY_SECRET_KEY: NOTIFY_KEY,
      ...extra,
    },
  });
}

export const users = {
  admin: { id: 'u-admin', role: 'admin', name: 'Admin' } as AuthUser,
  committee: { id: 'u-committee', role: 'committee', name: '党委值班' } as AuthUser,
  instructor: { id: 'u-instructor', role: 'instructor', name: '指导员', gridIds: ['g-1'] } as AuthUser,
  enterprise: { id: 'u-ent', role: 'enterprise', name: '企业', enterpriseId: 'ent-1' } as AuthUser,
  department: { id: 'u-hr', role: 'department', name: '人社局', departmentId: 'dep-hr' } as AuthUser,
};

export const tokenFor = (user: AuthUser) => tokens.sign(user).token;

export async function api<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any
  running: RunningService,
  method: string,
  path: string,
  user?: AuthUser,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${running.url}${path}`, {
    method,
    headers: {
      ...(user ? { authorization: `Bearer ${tokenFor(user)}` } : {}),
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Through the service's own transport, as the relays of identity, ticket and sla would; resolves once applied. */
export async function publish(
  running: RunningService,
  topic: string,
  events: EventEnvelope<unknown>[],
): Promise<void> {
  const transport = running.app.get<MessageTransport>(MESSAGE_TRANSPORT);
  await transport.publish(events.map((e) => ({ topic, key: e.aggregateId, value: JSON.stringify(e) })));
}

const system = { id: 'system', role: 'system' as const };
let version = 0;

export const directory = {
  department: (id: string, name: string) =>
    createEnvelope({
      type: 'directory.department-upserted',
      aggregateId: id,
      aggregateVersion: ++version,
      actor: system,
      payload: { id, code: id, name, nameEn: null, active: true },
    }),
  enterprise: (id: string, name: string) =>
    createEnvelope({
      type: 'directory.enterprise-upserted',
      aggregateId: id,
      aggregateVersion: ++version,
      actor: system,
      payload: { id, name, creditCode: '91350100M000100Y43', gridId: 'g-1', contacts: [], active: true },
    }),
  user: (u: { id: string; role: string; departmentId?: string; enterpriseId?: string; active?: boolean }) =>
    createEnvelope({
      type: 'directory.user-upserted',
      aggregateId: u.id,
      aggregateVersion: ++version,
      actor: system,
      payload: {
        id: u.id,
        username: u.id,
        displayName: u.id,
        role: u.role,
        enterpriseId: u.enterpriseId ?? null,
        departmentId: u.departmentId ?? null,
        gridIds: [],
        mobile: null,
        email: null,
        active: u.active ?? true,
      },
    }),
};

export interface TicketSpec {
  ticketId?: string;
  number?: string;
  title?: string;
  category?: string;
  urgency?: string;
  leadDepartmentId?: string | null;
  enterpriseId?: string;
}

export function ticketEvent(
  type: string,
  t: TicketSpec,
  extra: Record<string, unknown> = {},
): EventEnvelope<Record<string, unknown>> {
  const ticketId = t.ticketId ?? randomUUID();
  return createEnvelope({
    type,
    aggregateId: ticketId,
    aggregateVersion: ++version,
    actor: system,
    payload: {
      ticketId,
      number: t.number ?? 'CS-2026-000123',
      status: 'assigned',
      enterpriseId: t.enterpriseId ?? 'ent-1',
      category: t.category ?? 'labour',
      urgency: t.urgency ?? 'normal',
      gridId: 'g-1',
      leadDepartmentId: t.leadDepartmentId === undefined ? 'dep-hr' : t.leadDepartmentId,
      coHandlerDepartmentIds: [],
      ...extra,
    },
  });
}

export const submitted = (t: TicketSpec) =>
  ticketEvent(
    'ticket.submitted',
    { ...t, leadDepartmentId: null },
    {
      status: 'submitted',
      enterpriseName: '示例机械有限公司',
      title: t.title ?? '招工难：急需焊工20名',
      description: '…',
      location: null,
      contact: { name: '王经理', phone: '13800000000' },
      attachments: [],
      submittedAt: new Date().toISOString(),
      submittedBy: { id: 'u-ent', role: 'enterprise' },
    },
  );

export const assigned = (t: TicketSpec) =>
  ticketEvent('ticket.assigned', t, {
    via: 'rule',
    ruleId: null,
    previousLeadDepartmentId: null,
    firstHandlerDepartmentId: t.leadDepartmentId ?? 'dep-hr',
  });

export const breached = (t: TicketSpec & { ticketId: string }) =>
  createEnvelope({
    type: 'sla.breached',
    aggregateId: t.ticketId,
    aggregateVersion: ++version,
    actor: system,
    payload: {
      ticketId: t.ticketId,
      timerId: randomUUID(),
      kind: 'respond',
      departmentId: t.leadDepartmentId ?? 'dep-hr',
      dueAt: '2026-03-02T01:30:00.000Z',
      level: 'red',
    },
  });

export { Topics };

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A real HTTP server on loopback that records what it receives and answers with `answer`. */
export async function startReceiver(
  answer: (req: Received, res: ServerResponse, count: number) => void,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(r);
      answer(r, res, received.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** A WeCom group robot: only its own key is valid, as qyapi answers an unknown one. */
export function wecomAnswer(key: string) {
  return (r: Received, res: ServerResponse) => {
    const url = new URL(r.url, 'http://x');
    if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== key) {
      return json(res, 200, { errcode: 93000, errmsg: 'invalid webhook url' });
    }
    json(res, 200, { errcode: 0, errmsg: 'ok' });
  };
}

/** Checks DingTalk's signature the way oapi.dingtalk.com does: within an hour, sign matching. */
export function dingtalkVerify(secret: string, r: Received): boolean {
  const url = new URL(r.url, 'http://x');
  const timestamp = Number(url.searchParams.get('timestamp'));
  const sign = url.searchParams.get('sign');
  if (!timestamp || !sign || Math.abs(Date.now() - timestamp) > 3600_000) return false;
  return sign === createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function dingtalkAnswer(secret: string) {
  return (r: Received, res: ServerResponse) =>
    dingtalkVerify(secret, r)
      ? json(res, 200, { errcode: 0, errmsg: 'ok' })
      : json(res, 200, { errcode: 310000, errmsg: 'sign not match' });
}

/** What a webhook receiver should do: check the HMAC and refuse anything older than 5 minutes. */
export function webhookVerify(secret: string, r: Received): boolean {
  const ts = Number(r.headers['x-chuishao-timestamp']);
  const sig = String(r.headers['x-chuishao-signature'] ?? '');
  if (!ts || Math.abs(Date.now() / 1000 - ts) > 300) return false;
  return sig === `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
}

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

function decodeWords(s: string): string {
  return s.replace(/\s*=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _cs, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Just enough MIME to read what nodemailer sends: the subject and the text/plain part. */
export function parseMail(raw: string, from: string, to: string[]): Mail {
  const [head] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const plain = parts.find((p) => /Content-Type: text\/plain/i.test(p)) ?? raw;
  const [partHead, ...rest] = plain.split(/\r?\n\r?\n/);
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(partHead)?.[1] ?? '7bit';
  return {
    from,
    to,
    subject,
    text: decodeBody(rest.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, ''), encoding),
  };
}

/** A real SMTP server (smtp-server) on loopback, keeping each message it accepts. */
export async function startSmtp(): Promise<{ url: string; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            from,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** RFC 3986 percent-encoding byte by byte, as Alibaba Cloud documents it (written apart from notify's own). */
function aliyunEncode(text: string): string {
  const keep = /[A-Za-z0-9\-_.~]/;
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      keep.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

export interface SmsReceived {
  phone: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  outId: string;
  raw: string;
}

/**
 * A local stand-in for dysmsapi.aliyuncs.com that checks each SendSms the way Alibaba Cloud does:
 * the AccessKey ID is known, the signature recomputed over every parameter but Signature
 * (sorted, percent-encoded, `<METHOD>&%2F&<encoded query>`, HMAC-SHA1 keyed with `secret&`),
 * the timestamp within 15 minutes, the nonce never seen before; it records the messages it accepts.
 */
export async function startAliyunSms(accessKeys: Record<string, string>) {
  const accepted: SmsReceived[] = [];
  const refused: { code: string; raw: string }[] = [];
  const nonces = new Set<string>();
  const reply = (res: ServerResponse, status: number, code: string, message: string) =>
    json(res, status, {
      Code: code,
      Message: message,
      RequestId: randomUUID(),
      ...(code === 'OK' ? { BizId: randomUUID() } : {}),
    });
  const receiver = await startReceiver((r, res) => {
    const params = Object.fromEntries(
      new URLSearchParams(r.method === 'POST' ? r.body : (r.url.split('?')[1] ?? '')),
    );
    const refuse = (status: number, code: string, message: string) => {
      refused.push({ code, raw: r.body });
      reply(res, status, code, message);
    };
    const secret = accessKeys[params.AccessKeyId];
    if (!secret) return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const { Signature, ...signed } = params;
    const query = Object.keys(signed)
      .sort()
      .map((k) => `${aliyunEncode(k)}=${aliyunEncode(signed[k])}`)
      .join('&');
    const toSign = `${r.method}&${aliyunEncode('/')}&${aliyunEncode(query)}`;
    const expected = createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
    if (Signature !== expected)
      return refuse(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${toSign}`,
      );
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0')
      return refuse(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    if (
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp ?? '') ||
      Math.abs(Date.parse(params.Timestamp) - Date.now()) > 15 * 60_000
    )
      return refuse(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    if (nonces.has(params.SignatureNonce))
      return refuse(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(params.SignatureNonce);
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25')
      return refuse(400, 'InvalidAction.NotFound', 'Specified api is not found.');
    if (!/^1\d{10}$/.test(params.PhoneNumbers ?? ''))
      return refuse(200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    accepted.push({
      phone: params.PhoneNumbers,
      signName: params.SignName,
      templateCode: params.TemplateCode,
      templateParam: JSON.parse(params.TemplateParam ?? '{}'),
      outId: params.OutId,
      raw: r.body,
    });
    reply(res, 200, 'OK', 'OK');
  });
  return { ...receiver, accepted, refused };
}
