import { Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Flag } from '../api/types';
import { Translate, useI18n } from '../i18n/i18n';
import { FlagBadge } from './tags';

let now = Date.now();
const subscribers = new Set<() => void>();
// One timer for every countdown on the page; a minute's resolution is what a queue needs.
setInterval(() => {
  now = Date.now();
  for (const s of subscribers) s();
}, 30_000);

export function useNow(): number {
  const [, set] = useState(0);
  useEffect(() => {
    const s = () => set((n) => n + 1);
    subscribers.add(s);
    return () => {
      subscribers.delete(s);
    };
  }, []);
  return now;
}

export function formatSpan(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('deadline.days', { n: days }) + (hours ? t('deadline.hours', { n: hours }) : '');
  if (hours > 0) return t('deadline.hours', { n: hours }) + (mins ? t('deadline.minutes', { n: mins }) : '');
  return t('deadline.minutes', { n: mins });
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A live countdown with the yellow/red badge: red when the API says so or the time has passed. */
export function Countdown({
  dueAt,
  flag,
  kind,
}: {
  dueAt: string | null;
  flag?: Flag;
  kind?: string | null;
}) {
  const { t, locale } = useI18n();
  const current = useNow();
  if (!dueAt) return <span>{t('deadline.none')}</span>;
  const left = new Date(dueAt).getTime() - current;
  const effective: Flag = left < 0 ? 'red' : (flag ?? null);
  const text =
    left < 0
      ? t('deadline.overdue', { time: formatSpan(left, t) })
      : t('deadline.left', { time: formatSpan(left, t) });
  return (
    <Tooltip title={`${kind ? t(`dueKind.${kind}` as never) + ' ' : ''}${formatDateTime(dueAt, locale)}`}>
      <Space size={4} wrap>
        <FlagBadge flag={effective} />
        <span
          style={{ color: effective === 'red' ? '#cf1322' : effective === 'yellow' ? '#ad6800' : undefined }}
        >
          {text}
        </span>
      </Space>
    </Tooltip>
  );
}

/** How long something has waited (a ticket in the triage queue), live. */
export function Waited({ since }: { since: string }) {
  const { t } = useI18n();
  const at = useNow();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="waited">
      {t('desk.waited', { span: formatSpan(at - Date.parse(since), t) })}
    </Typography.Text>
  );
}
