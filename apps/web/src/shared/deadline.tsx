import { Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Flag } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FLAG_TEXT } from '../theme';
import { formatDateTime, formatSpan } from './format';

export { formatDateTime, formatDay, formatSpan } from './format';
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

/**
 * A live countdown with the yellow/red badge (red when the API says so or the time has passed),
 * named by the deadline it counts down to (签收时限, 办结时限 …) unless the place says so already.
 */
export function Countdown({
  dueAt,
  flag,
  kind,
  showKind = true,
}: {
  dueAt: string | null;
  flag?: Flag;
  kind?: string | null;
  showKind?: boolean;
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
  const kindLabel = kind ? t(`dueKind.${kind}` as never) : null;
  return (
    <Tooltip title={`${kindLabel ? kindLabel + ' ' : ''}${formatDateTime(dueAt, locale)}`}>
      <span data-due-kind={kind ?? undefined} style={{ display: 'inline-block', lineHeight: 1.5 }}>
        {showKind && kindLabel && (
          <span style={{ display: 'block', fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{kindLabel}</span>
        )}
        <Space size={4} wrap>
          <FlagBadge flag={effective} />
          <span style={{ color: effective ? FLAG_TEXT[effective] : undefined }}>{text}</span>
        </Space>
      </span>
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
