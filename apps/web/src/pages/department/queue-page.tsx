import { Card, Typography } from 'antd';
import type { TicketStatus } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { TicketTable } from '../../shared/ticket-table';

/**
 * What is still the department's to do: sign for, handle, answer (a resolved ticket waits for its
 * reply and the enterprise's rating). Closed and withdrawn tickets are one filter away.
 */
const OPEN_FOR_DEPARTMENT: TicketStatus[] = [
  'assigned',
  'reopened',
  'in_progress',
  'transfer_requested',
  'resolved',
];

export function QueuePage() {
  const { t } = useI18n();
  const user = useUser();
  const { departmentName } = useDirectory();
  return (
    <Card title={`${t('queue.title')} · ${departmentName(user.departmentId)}`}>
      <Typography.Paragraph type="secondary">{t('queue.intro')}</Typography.Paragraph>
      <TicketTable
        testId="queue"
        departmentId={user.departmentId}
        defaultSort="deadline"
        defaultStatus={OPEN_FOR_DEPARTMENT}
        columns={[
          'number',
          'title',
          'deadline',
          'status',
          'urgency',
          'role',
          'category',
          'enterprise',
          'submittedAt',
        ]}
        emptyText={t('tickets.emptyQueue')}
      />
    </Card>
  );
}
