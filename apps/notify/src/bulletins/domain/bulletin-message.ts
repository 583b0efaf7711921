import { BulletinPublishedPayload, DomainEvent, EventOf, LedgerEvents } from '@ticketing/contracts';
import { RenderedMessage } from '../../messages/domain/message';
import { Language } from '../../messages/domain/message-templates';
import { SubscriptionFilters } from '../../subscriptions/domain/subscription-definition';

/** 工作通报 as notify receives it from the ledger. */
export type BulletinPublishedEvent = EventOf<typeof LedgerEvents.bulletinPublished>;

export const isBulletinPublished = (e: DomainEvent): e is BulletinPublishedEvent =>
  e.type === LedgerEvents.bulletinPublished;

/** Where the web shows one bulletin (the bulletins page opens it from `?id=`). */
export const bulletinLink = (publicBaseUrl: string, bulletinId: string): string =>
  `${publicBaseUrl}/bulletins?id=${encodeURIComponent(bulletinId)}`;

/**
 * Whether a subscription that chose the bulletin gets it. A bulletin is about every department, not
 * about a ticket: a department filter lets it through when the bulletin goes to one of those
 * departments; the ticket filters (category, grid, urgency) have nothing to hold on to and do not
 * apply. SMS never carries it (SMS go only to enterprises, about their tickets).
 */
export function bulletinReaches(
  sub: SubscriptionFilters & { events: string[]; channel: string },
  p: BulletinPublishedPayload,
): boolean {
  if (sub.channel === 'sms') return false;
  if (!sub.events.includes(LedgerEvents.bulletinPublished)) return false;
  return !sub.departmentIds.length || p.departmentIds.some((d) => sub.departmentIds.includes(d));
}

/** The published score in [0, 1] as the bulletin shows it: ×100, one decimal; null when nothing was due. */
const scoreText = (score: number | null): string =>
  score === null ? '—' : (Math.round(score * 1000) / 10).toFixed(1);

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-12 → 2026年12月, 2026-Q4 → 2026年第四季度, 2026 → 2026年 (as the ledger names periods). */
export function periodText(
  p: Pick<BulletinPublishedPayload, 'periodKind' | 'period'>,
  lang: Language,
): string {
  const [y, rest = ''] = p.period.split('-');
  if (p.periodKind === 'year') return lang === 'zh' ? `${y}年` : y;
  if (p.periodKind === 'quarter') {
    const q = Number(rest.slice(1));
    return lang === 'zh' ? `${y}年第${'一二三四'[q - 1] ?? q}季度` : `Q${q} ${y}`;
  }
  const m = Number(rest);
  return lang === 'zh' ? `${y}年${m}月` : `${MONTHS_EN[m - 1] ?? rest} ${y}`;
}

/**
 * The bulletin as a short message, in the reader's language: the period, the top and the bottom of
 * the ranking, how many overdue tickets it names, and the link to it. One text for group robots,
 * webhooks, e-mail and the in-app notification alike.
 */
export function renderBulletin(
  p: BulletinPublishedPayload,
  lang: Language,
  publicBaseUrl: string,
): RenderedMessage {
  const zh = lang === 'zh';
  const period = periodText(p, lang);
  const ranked = [...p.ranking].sort((a, b) => a.rank - b.rank);
  const top = ranked[0];
  const bottom = ranked.length > 1 ? ranked[ranked.length - 1] : null;
  const named = p.overdue.length;
  const place = (r: { departmentName: string; score: number | null }) =>
    zh
      ? `${r.departmentName}（综合得分 ${scoreText(r.score)}）`
      : `${r.departmentName} (score ${scoreText(r.score)})`;
  const title = zh ? `工作通报：${period}` : `Bulletin: ${period}`;
  const summary = zh
    ? `综合党委发布了${period}工作通报，${ranked.length} 个部门参与排名，请各部门查阅。`
    : `The committee published the bulletin for ${period}: ${ranked.length} departments ranked. Every department should read it.`;
  const facts: { label: string; value: string }[] = [{ label: zh ? '统计期' : 'Period', value: period }];
  if (top) facts.push({ label: zh ? '第一名' : 'First', value: place(top) });
  if (bottom)
    facts.push({
      label: zh ? `末位（第 ${bottom.rank} 名）` : `Last (#${bottom.rank})`,
      value: place(bottom),
    });
  facts.push({
    label: zh ? '点名超时诉求' : 'Overdue tickets named',
    value:
      named === 0
        ? zh
          ? '无'
          : 'none'
        : zh
          ? `${named} 件${p.overdueTotal > named ? `（本期共 ${p.overdueTotal} 件）` : ''}`
          : `${named}${p.overdueTotal > named ? ` (of ${p.overdueTotal} in the period)` : ''}`,
  });
  return {
    eventType: LedgerEvents.bulletinPublished,
    ticketId: null,
    ticketNumber: null,
    title,
    summary,
    facts,
    link: bulletinLink(publicBaseUrl, p.bulletinId),
    linkLabel: zh ? '查看通报' : 'Open the bulletin',
    subject: zh ? `[吹哨报到] ${period}工作通报` : `[Chuishao] Bulletin for ${period}`,
  };
}
