import { Tag } from 'antd';
import type { Flag, TicketStatus, Urgency } from '../api/types';
import { useI18n } from '../i18n/i18n';

const statusColors: Record<TicketStatus, string> = {
  submitted: 'default',
  triage: 'purple',
  assigned: 'orange',
  in_progress: 'blue',
  transfer_requested: 'magenta',
  resolved: 'cyan',
  reopened: 'volcano',
  closed: 'green',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColors[status] ?? 'default'} data-status={status}>
      {t(`status.${status}` as never)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useI18n();
  if (urgency === 'normal') return <span>{t('urgency.normal')}</span>;
  return <Tag color={urgency === 'critical' ? 'red' : 'orange'}>{t(`urgency.${urgency}` as never)}</Tag>;
}

/**
 * 红牌 / 黄牌 as a solid card: white on red (5.6:1), black on amber (11:1). A custom colour on a
 * filled antd Tag would get a 95 %-light background, under which white text all but disappears.
 */
export function FlagBadge({ flag }: { flag: Flag }) {
  const { t } = useI18n();
  if (!flag) return null;
  return (
    <Tag
      variant="solid"
      color={flag === 'red' ? '#cf1322' : '#faad14'}
      data-flag={flag}
      style={{ color: flag === 'red' ? '#fff' : '#000', marginInlineEnd: 0 }}
    >
      {t(`flag.${flag}`)}
    </Tag>
  );
}

/** 来自走访: a ticket raised in an instructor's visit, on the enterprise's behalf. */
export function FromVisitTag() {
  const { t } = useI18n();
  return (
    <Tag color="purple" data-testid="from-visit">
      {t('ticket.fromVisit')}
    </Tag>
  );
}
