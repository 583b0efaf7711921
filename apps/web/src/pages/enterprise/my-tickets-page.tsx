import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { TicketTable } from '../../shared/ticket-table';

export function MyTicketsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      title={t('nav.myTickets')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/whistle')}>
          {t('nav.whistle')}
        </Button>
      }
    >
      <TicketTable
        testId="my-tickets"
        columns={['number', 'title', 'category', 'status', 'department', 'deadline', 'submittedAt']}
        emptyText={t('tickets.emptyMine')}
      />
    </Card>
  );
}
