import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Space } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiResponse } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useCapabilities } from '../../shared/capabilities';
import { problemMessage } from '../../shared/problems';

const CANDIDATES = ['/api/v1/ledger/exports', '/api/v1/ledger/export'];

/** The ledger for a period as .xlsx or .csv, downloaded with the bearer token and saved under the server's file name. */
export function ExportsPage() {
  const { t } = useI18n();
  const paths = useCapabilities();
  const endpoint = CANDIDATES.find((p) => paths?.has(`GET ${p}`));
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  const download = async (format: 'xlsx' | 'csv') => {
    if (!endpoint) return;
    setBusy(format);
    setError(undefined);
    try {
      const res = await apiResponse(endpoint, {
        query: { format, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
      });
      const blob = await res.blob();
      const name = /filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(
        res.headers.get('content-disposition') ?? '',
      )?.[1];
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name
        ? decodeURIComponent(name)
        : `台账-${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title={t('exports.title')} data-testid="exports">
      {paths && !endpoint && (
        <Alert type="info" showIcon title={t('common.notAvailable')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" name="exports">
        <Form.Item label={`${t('exports.from')} – ${t('exports.to')}`} htmlFor="exports-range">
          <DatePicker.RangePicker
            id={{ start: 'exports-range' }}
            value={range}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            allowClear={false}
          />
        </Form.Item>
        <Space wrap>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            disabled={!endpoint}
            loading={busy === 'xlsx'}
            onClick={() => download('xlsx')}
          >
            {t('exports.xlsx')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            disabled={!endpoint}
            loading={busy === 'csv'}
            onClick={() => download('csv')}
          >
            {t('exports.csv')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
