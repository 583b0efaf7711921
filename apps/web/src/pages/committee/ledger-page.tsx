import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { problemMessage } from '../../shared/problems';
import { TicketTable } from '../../shared/ticket-table';

interface VerifyReport {
  ok: boolean;
  checkedEntries: number;
  checkedSeals: number;
  headSeq: number;
  headHash: string;
  firstBroken: { seq: number; problem: string; detail: string } | null;
  verifiedAt: string;
}

export function LedgerPage() {
  const { t, locale } = useI18n();
  const [report, setReport] = useState<VerifyReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api<VerifyReport>('/api/v1/ledger/verify'));
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('ledger.title')}
        data-testid="ledger"
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={verify}>
            {t('ledger.verify')}
          </Button>
        }
      >
        {error && <Alert type="error" showIcon title={error} />}
        {report && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="verify-report">
            <Alert
              type={report.ok ? 'success' : 'error'}
              showIcon
              title={
                report.ok
                  ? t('ledger.verifyOk', { count: report.checkedEntries })
                  : t('ledger.verifyBroken', { seq: report.firstBroken?.seq ?? '?' })
              }
              description={
                report.firstBroken ? `${report.firstBroken.problem}: ${report.firstBroken.detail}` : undefined
              }
            />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'head', label: 'head seq', children: report.headSeq },
                { key: 'seals', label: 'seals', children: report.checkedSeals },
                {
                  key: 'hash',
                  label: 'head hash',
                  children: (
                    <Typography.Text code copyable>
                      {report.headHash}
                    </Typography.Text>
                  ),
                },
                { key: 'at', label: 'verified', children: formatDateTime(report.verifiedAt, locale) },
              ]}
            />
          </Space>
        )}
      </Card>
      <Card title={t('ledger.entries')}>
        <TicketTable
          testId="ledger-tickets"
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
    </Space>
  );
}
