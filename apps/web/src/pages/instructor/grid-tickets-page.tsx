import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { TicketTable } from '../../shared/ticket-table';

export function GridTicketsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      styles={{ body: { padding: 16 } }}
      title={<h1 className="page-title">{t('nav.gridTickets')}</h1>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/whistle')}>
          {t('nav.whistle')}
        </Button>
      }
    >
      <TicketTable
        testId="grid-tickets"
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
