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

export function FlagBadge({ flag }: { flag: Flag }) {
  const { t } = useI18n();
  if (!flag) return null;
  return (
    <Tag
      color={flag === 'red' ? '#cf1322' : '#faad14'}
      data-flag={flag}
      style={{ color: flag === 'red' ? '#fff' : '#000' }}
    >
      {t(`flag.${flag}`)}
    </Tag>
  );
}
