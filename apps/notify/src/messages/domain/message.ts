import type { SmsMessage } from '../../subscriptions/domain/sms-settings';

/** A message, written once when the delivery is created and sent as is on every attempt. */
export interface RenderedMessage {
  eventType: string;
  ticketId: string | null;
  ticketNumber: string | null;
  /** Short heading, e.g. 新诉求待签收. */
  title: string;
  /** One sentence saying what happened and what to do. */
  summary: string;
  /** Labelled facts: number, title, enterprise, department, deadline. */
  facts: { label: string; value: string }[];
  link: string | null;
  linkLabel: string;
  subject: string;
  /** Channel sms: the contact phone, the template and its variables (only what the template shows). */
  sms?: SmsMessage;
}

export interface Mentions {
  mobiles: string[];
  all: boolean;
}

const limitBytes = (s: string, max: number): string => {
  const buf = Buffer.from(s, 'utf8');
  if (buf.length <= max) return s;
  // Cut on a character boundary: decoding a cut multi-byte sequence would leave a U+FFFD.
  let end = max - 3;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8') + '…';
};

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

/** Markdown as both robots render it (a subset: headings, bold, quotes, links). */
export function toMarkdown(m: RenderedMessage, mentions?: Mentions): string {
  const lines = [`### ${escapeMd(m.title)}`, `> ${escapeMd(m.summary)}`, ''];
  for (const f of m.facts) lines.push(`**${f.label}**：${escapeMd(f.value)}  `);
  if (m.link) lines.push('', `[${m.linkLabel}](${m.link})`);
  // DingTalk only highlights an @ that also appears in the text.
  if (mentions?.mobiles.length) lines.push('', mentions.mobiles.map((x) => `@${x}`).join(' '));
  return limitBytes(lines.join('\n'), 4000);
}

export function toText(m: RenderedMessage): string {
  const lines = [`【吹哨报到】${m.title}`, m.summary, ...m.facts.map((f) => `${f.label}：${f.value}`)];
  if (m.link) lines.push(`${m.linkLabel}：${m.link}`);
  return limitBytes(lines.join('\n'), 2000);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function toHtml(m: RenderedMessage): string {
  const rows = m.facts
    .map(
      (f) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`,
    )
    .join('');
  const link = m.link ? `<p><a href="${escapeHtml(m.link)}">${escapeHtml(m.linkLabel)}</a></p>` : '';
  return `<div style="font-family:sans-serif"><h3>${escapeHtml(m.title)}</h3><p>${escapeHtml(m.summary)}</p><table>${rows}</table>${link}</div>`;
}
