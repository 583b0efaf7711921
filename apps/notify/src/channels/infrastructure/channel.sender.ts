import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { RenderedMessage, toHtml, toText } from '../../messages/domain/message';
import { NOTIFY_SETTINGS, NotifySettings } from '../../notify.env';
import { Channel } from '../../subscriptions/domain/subscription';
import {
  dingtalkRequest,
  OutgoingRequest,
  robotOutcome,
  webhookOutcome,
  webhookRequest,
  wecomRequest,
} from '../domain/robot-requests';

/** Where one message goes: the parts of a subscription a channel needs. */
export interface SendTarget {
  channel: Channel;
  url: string | null;
  secret: string | null;
  msgtype: 'markdown' | 'text' | null;
  mentionMobiles: string[];
  mentionAll: boolean;
  recipients: string[];
}

export interface SendContext {
  deliveryId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
}

export type SendOutcome = { ok: true } | { ok: false; error: string };

/**
 * Sends one message over one channel, never longer than the configured timeout. Every failure,
 * including a robot's errcode, comes back as an outcome: the caller decides about retries.
 */
@Injectable()
export class ChannelSender implements OnApplicationShutdown {
  private mailer: Transporter | undefined;

  constructor(@Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings) {}

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
      }
    } catch (e) {
      return { ok: false, error: describe(e, this.settings.timeoutMs) };
    }
  }

  private async post(
    req: OutgoingRequest,
    interpret: (status: number, text: string) => SendOutcome,
  ): Promise<SendOutcome> {
    // The signal covers the body as well as the headers: a receiver that trickles is cut off too.
    const res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    const text = await res.text();
    return interpret(res.status, text);
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
