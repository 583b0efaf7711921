import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, apiResponse } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/format';
import { percent } from '../../shared/ledger-figures';
import { problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { EnterpriseLine, OUTREACH, PlanVsDone } from '../outreach/outreach-api';
import { saveDownload } from '../outreach/download';
import { zoneMonth } from '../outreach/zone-time';

const COUNTS = [
  'planned',
  'visitedPlanned',
  'notVisited',
  'visitedUnplanned',
  'visits',
  'problems',
  'tickets',
  'solved',
  'rated',
] as const;

/**
 * 对比: each instructor's month, the published task list against the visits made — enterprises
 * planned, visited, not visited, visited unplanned; visits, problems collected, and of their tickets
 * those solved and rated; each instructor's enterprises one row further; the same as .xlsx.
 */
export function PlanVsDonePage() {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState(zoneMonth());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const state = useAsync(
    () => api<{ month: string; instructors: PlanVsDone[] }>(`${OUTREACH}/plan-vs-done`, { query: { month } }),
    [month],
  );

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await apiResponse(`${OUTREACH}/plan-vs-done.xlsx`, { query: { month } });
      await saveDownload(res, `走访对比_${month}.xlsx`);
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="plan-vs-done"
      title={<h1 className="page-title">{t('nav.planVsDone')}</h1>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="plan-month">{t('plan.month')}</label>
        <DatePicker
          id="plan-month"
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={busy}
          onClick={() => void download()}
          data-testid="plan-xlsx"
        >
          {t('plan.download')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <AsyncView state={state}>
        {({ instructors }) => (
          <Table<PlanVsDone>
            rowKey="instructorUserId"
            size="small"
            pagination={false}
            dataSource={instructors}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('plan.empty')}</Typography.Text> }}
            expandable={{
              expandedRowRender: (p) => (
                <Table<EnterpriseLine>
                  rowKey="enterpriseId"
                  size="small"
                  pagination={false}
                  dataSource={p.enterprises}
                  data-testid="plan-enterprises"
                  columns={[
                    {
                      key: 'name',
                      title: t('visit.enterprise'),
                      render: (_, e) => (
                        <Link to={`/enterprises/${e.enterpriseId}/file`}>{e.enterpriseName}</Link>
                      ),
                    },
                    {
                      key: 'planned',
                      title: t('plan.onList'),
                      render: (_, e) =>
                        e.planned ? (
                          <Tag color="blue">{t('plan.onListYes')}</Tag>
                        ) : (
                          <Tag>{t('plan.onListNo')}</Tag>
                        ),
                    },
                    {
                      key: 'visits',
                      title: t('plan.visits'),
                      render: (_, e) =>
                        e.visits ? (
                          e.visits
                        ) : (
                          <Typography.Text type="danger">{t('plan.notVisitedYet')}</Typography.Text>
                        ),
                    },
                    {
                      key: 'last',
                      title: t('plan.lastVisitedAt'),
                      render: (_, e) => formatDateTime(e.lastVisitedAt, locale),
                    },
                    { key: 'problems', title: t('plan.problems'), dataIndex: 'problems' },
                  ]}
                />
              ),
            }}
            columns={[
              {
                key: 'name',
                title: t('role.instructor'),
                dataIndex: 'instructorName',
                width: 130,
                fixed: 'left',
              },
              ...COUNTS.map((k) => ({
                key: k,
                title: t(`plan.${k}` as MessageKey),
                width: 90,
                render: (_: unknown, p: PlanVsDone) => <span data-count={k}>{p[k]}</span>,
              })),
              {
                key: 'rate',
                title: t('plan.completionRate'),
                width: 100,
                render: (_, p) => <span data-count="completionRate">{percent(p.completionRate)}</span>,
              },
            ]}
          />
        )}
      </AsyncView>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        {t('plan.formula')}
      </Typography.Paragraph>
    </Card>
  );
}
