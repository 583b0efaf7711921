import { Card } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { TicketTable } from '../../shared/ticket-table';

export function AllTicketsPage() {
  const { t } = useI18n();
  return (
    <Card title={t('nav.allTickets')}>
      <TicketTable
        testId="all-tickets"
        columns={[
          'number',
          'title',
          'enterprise',
          'category',
          'status',
          'department',
          'deadline',
          'submittedAt',
        ]}
      />
    </Card>
  );
}
