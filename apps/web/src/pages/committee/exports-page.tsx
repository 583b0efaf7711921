import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Space } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiResponse } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useCapabilities } from '../../shared/capabilities';
import { problemMessage } from '../../shared/problems';

const LEDGER = {
  xlsx: '/api/v1/ledger/exports/ledger.xlsx',
  csv: '/api/v1/ledger/exports/ledger.csv',
} as const;
const MONTHLY = '/api/v1/ledger/exports/monthly-report.xlsx';

/**
 * The file name a download should get: RFC 6266's filename* (UTF-8, the Chinese name) wins over the
 * plain ASCII fallback that comes first in the header.
 */
function fileName(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* malformed: fall back to the plain name */
    }
  }
  return /filename\s*=\s*"?([^";]+)/i.exec(disposition)?.[1];
}

/** The ledger for a period as .xlsx or .csv, and a month's report, downloaded with the bearer token. */
export function ExportsPage() {
  const { t } = useI18n();
  const paths = useCapabilities();
  const hasLedger = paths?.has(`GET ${LEDGER.xlsx}`) ?? false;
  const hasMonthly = paths?.has(`GET ${MONTHLY}`) ?? false;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf('month'));
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  const download = async (kind: 'xlsx' | 'csv' | 'monthly') => {
    setBusy(kind);
    setError(undefined);
    try {
      const res =
        kind === 'monthly'
          ? await apiResponse(MONTHLY, { query: { month: month.format('YYYY-MM') } })
          : await apiResponse(LEDGER[kind], {
              query: { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
            });
      const blob = await res.blob();
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download =
        fileName(res.headers.get('content-disposition')) ??
        (kind === 'monthly' ? '月报.xlsx' : `问题台账.${kind}`);
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title={<h1 className="page-title">{t('exports.title')}</h1>} data-testid="exports">
      {paths && !hasLedger && (
        <Alert type="info" showIcon title={t('common.notAvailable')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" name="exports">
        <Form.Item label={`${t('exports.from')} – ${t('exports.to')}`} htmlFor="exports-range">
          <Space wrap>
            <DatePicker.RangePicker
              id={{ start: 'exports-range' }}
              value={range}
              onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
              allowClear={false}
            />
            <Button
              type="primary"
              icon={<DownloadOutlined aria-hidden />}
              disabled={!hasLedger}
              loading={busy === 'xlsx'}
              onClick={() => download('xlsx')}
            >
              {t('exports.xlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!hasLedger}
              loading={busy === 'csv'}
              onClick={() => download('csv')}
            >
              {t('exports.csv')}
            </Button>
          </Space>
        </Form.Item>
        <Form.Item label={t('exports.month')} htmlFor="exports-month">
          <Space wrap>
            <DatePicker
              id="exports-month"
              picker="month"
              value={month}
              onChange={(v) => v && setMonth(v)}
              allowClear={false}
            />
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!hasMonthly}
              loading={busy === 'monthly'}
              onClick={() => download('monthly')}
            >
              {t('exports.monthly')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
