import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { TicketTable } from '../../shared/ticket-table';
import { SmsSwitch } from './sms-switch';

export function MyTicketsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card
      styles={{ body: { padding: 16 } }}
      title={<h1 className="page-title">{t('nav.myTickets')}</h1>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/whistle')}>
          {t('nav.whistle')}
        </Button>
      }
    >
      <SmsSwitch />
      <TicketTable
        testId="my-tickets"
        columns={['number', 'title', 'category', 'status', 'department', 'deadline', 'submittedAt']}
        emptyText={t('tickets.emptyMine')}
      />
    </Card>
  );
}
