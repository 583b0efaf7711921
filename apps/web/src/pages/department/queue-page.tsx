import { Card, Typography } from 'antd';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { TicketTable } from '../../shared/ticket-table';

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
        columns={[
          'number',
          'title',
          'enterprise',
          'category',
          'urgency',
          'status',
          'role',
          'deadline',
          'submittedAt',
        ]}
        emptyText={t('tickets.emptyQueue')}
      />
    </Card>
  );
}
