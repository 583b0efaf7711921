import { Inject, Injectable, OnApplicationShutdown, Optional } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { RenderedMessage, toHtml, toText } from '../../messages/domain/message';
import { NOTIFY_SETTINGS, NotifySettings } from '../../notify.env';
import { aliyunSendSmsRequest, aliyunSmsOutcome } from '../domain/aliyun-sms';
import { SendTarget } from '../domain/send-target';
import { postGuarded, Resolve, systemResolve } from './guarded-http';
import {
  dingtalkRequest,
  OutgoingRequest,
  robotOutcome,
  webhookOutcome,
  webhookRequest,
  wecomRequest,
} from '../domain/robot-requests';

export interface SendContext {
  deliveryId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
}

export type SendOutcome = { ok: true } | { ok: false; error: string };

/** How names are resolved for the receivers' addresses (replaced in tests that rebind a name). */
export const RECEIVER_RESOLVE = Symbol('RECEIVER_RESOLVE');

/**
 * Sends one message over one channel, never longer than the configured timeout. Every failure,
 * including a robot's errcode, comes back as an outcome: the caller decides about retries.
 * Receivers are reached only at addresses the settings allow (checked when connecting).
 */
@Injectable()
export class ChannelSender implements OnApplicationShutdown {
  private mailer: Transporter | undefined;
  private readonly resolve: Resolve;

  constructor(
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
    @Optional() @Inject(RECEIVER_RESOLVE) resolve?: Resolve,
  ) {
    this.resolve = resolve ?? systemResolve;
  }

  async send(target: SendTarget, message: RenderedMessage, ctx: SendContext): Promise<SendOutcome> {
    try {
      const mentions = { mobiles: target.mentionMobiles, all: target.mentionAll };
      switch (target.channel) {
        case 'wecom':
          return await this.post(
            wecomRequest(target.url!, message, target.msgtype ?? 'markdown', mentions),
            robotOutcome,
          );
        case 'dingtalk':
          return await this.post(
            dingtalkRequest(target.url!, target.secret!, message, target.msgtype ?? 'markdown', mentions),
            robotOutcome,
          );
        case 'webhook':
          return await this.post(webhookRequest(target.url!, target.secret!, message, ctx), webhookOutcome);
        case 'email':
          return await this.mail(target.recipients, message);
        case 'sms':
          return await this.sms(target, message, ctx);
      }
    } catch (e) {
      return { ok: false, error: describe(e, this.settings.timeoutMs) };
    }
  }

  private async post(
    req: OutgoingRequest,
    interpret: (status: number, text: string) => SendOutcome,
  ): Promise<SendOutcome> {
    // The timeout covers the body as well as the headers: a receiver that trickles is cut off too.
    const { status, text } = await postGuarded(req, {
      timeoutMs: this.settings.timeoutMs,
      allowPrivate: this.settings.allowPrivateReceivers,
      resolve: this.resolve,
    });
    return interpret(status, text);
  }

  /** One SMS to the ticket's contact through Alibaba Cloud SendSms, with the template of its kind. */
  private async sms(target: SendTarget, m: RenderedMessage, ctx: SendContext): Promise<SendOutcome> {
    if (!m.sms) return { ok: false, error: 'the message has no SMS recipient' };
    const templateCode = target.sms?.templates[m.sms.kind];
    if (!target.sms || !templateCode)
      return { ok: false, error: `the subscription has no SMS template for ${m.sms.kind}` };
    return this.post(
      aliyunSendSmsRequest({
        endpoint: target.url!,
        accessKeyId: target.sms.accessKeyId,
        accessKeySecret: target.secret!,
        signName: target.sms.signName,
        templateCode,
        phone: m.sms.phone,
        templateParam: m.sms.params,
        outId: ctx.deliveryId,
      }),
      aliyunSmsOutcome,
    );
  }

  private async mail(recipients: string[], m: RenderedMessage): Promise<SendOutcome> {
    if (!this.settings.smtpUrl) return { ok: false, error: 'SMTP_URL is not configured' };
    this.mailer ??= createTransport({
      url: this.settings.smtpUrl,
      connectionTimeout: this.settings.timeoutMs,
      greetingTimeout: this.settings.timeoutMs,
      socketTimeout: this.settings.timeoutMs,
    } as Parameters<typeof createTransport>[0]);
    await this.mailer.sendMail({
      from: this.settings.smtpFrom,
      to: recipients,
      subject: m.subject,
      text: toText(m),
      html: toHtml(m),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    } as Parameters<Transporter['sendMail']>[0]);
    return { ok: true };
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (
    err?.name === 'TimeoutError' ||
    err?.name === 'AbortError' ||
    err?.code === 'ETIMEDOUT' ||
    err?.code === 'EABORT'
  ) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = err?.cause?.code ?? err?.cause?.message;
  return `${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}`.slice(0, 500);
}
