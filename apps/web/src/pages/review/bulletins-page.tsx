import { NotificationOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Form,
  Grid,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/deadline';
import { problemMessage } from '../../shared/problems';
import { AsyncView, EmptyState, ErrorState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { useCursorPages } from '../../shared/use-cursor-pages';
import { DownloadButton } from './download-button';
import { Bulletin, BulletinSummary, quarterOf, reviewApi, score100 } from './review-api';

type PeriodKind = 'month' | 'quarter' | 'year';

/** The period before the current one, which is the one a bulletin is usually published for. */
function lastPeriod(kind: PeriodKind, now = new Date()): string {
  const y = now.getFullYear();
  const m = now.getMonth(); // 0-based
  if (kind === 'year') return String(y - 1);
  if (kind === 'quarter') {
    const q = Math.floor(m / 3);
    return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
  }
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

function periodOptions(kind: PeriodKind, t: (k: MessageKey, v?: Record<string, string | number>) => string) {
  const now = new Date();
  const y = now.getFullYear();
  if (kind === 'year')
    return [y, y - 1, y - 2].map((x) => ({ value: String(x), label: t('review.yearOption', { year: x }) }));
  if (kind === 'quarter') {
    const out: { value: string; label: string }[] = [];
    for (const year of [y, y - 1])
      for (const q of [4, 3, 2, 1]) {
        const p = `${year}-Q${q}`;
        if (p <= quarterOf(now)) out.push({ value: p, label: t('bulletin.quarterOption', { year, q }) });
      }
    return out;
  }
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i < 15; i++) {
    const d = new Date(y, now.getMonth() - i, 1);
    const p = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    out.push({
      value: p,
      label: t('bulletin.monthOption', { year: d.getFullYear(), month: d.getMonth() + 1 }),
    });
  }
  return out;
}

/** 发布工作通报: the committee freezes a period's ranking and named overdue list and sends it out. */
function PublishButton({ onPublished }: { onPublished: (b: Bulletin) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [period, setPeriod] = useState(lastPeriod('quarter'));
  const [busy, setBusy] = useState(false);
  // Once published, the bulletin opens in the drawer, which takes the focus: the closing dialog must
  // not pull it back to this button (Escape would then no longer close the drawer).
  const [handedOn, setHandedOn] = useState(false);
  const [problem, setProblem] = useState<{ text: string; existing?: string }>();
  const submit = async () => {
    setProblem(undefined);
    setBusy(true);
    try {
      const b = await reviewApi.publish(period);
      message.success(t('bulletin.published'));
      setHandedOn(true);
      setOpen(false);
      onPublished(b);
    } catch (e) {
      const existing =
        e instanceof ApiError && e.status === 409
          ? ((e.problem.details as { bulletinId?: string } | undefined)?.bulletinId ??
            (e.problem.bulletinId as string | undefined))
          : undefined;
      // A period no department had tickets in has nothing to rank: the ledger refuses it, naming the period.
      const empty =
        e instanceof ApiError && e.status === 400 && e.fieldErrors.some((f) => f.field === 'period');
      setProblem({
        text: existing ? t('bulletin.exists') : empty ? t('review.noDepartments') : problemMessage(e, t),
        existing,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        type="primary"
        icon={<NotificationOutlined aria-hidden />}
        onClick={() => {
          setHandedOn(false);
          setOpen(true);
        }}
        data-testid="publish-bulletin"
      >
        {t('bulletin.publish')}
      </Button>
      <Modal
        open={open}
        title={t('bulletin.publish')}
        focusable={{ focusTriggerAfterClose: !handedOn }}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('bulletin.publishOk')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
      >
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 12 }}
            title={problem.text}
            action={
              problem.existing && (
                <Link to={`/bulletins?id=${problem.existing}`} onClick={() => setOpen(false)}>
                  {t('common.view')}
                </Link>
              )
            }
          />
        )}
        <Typography.Paragraph type="secondary">{t('bulletin.publishIntro')}</Typography.Paragraph>
        <Form layout="vertical" name="publish-bulletin">
          <Form.Item label={t('bulletin.periodKind')}>
            <Segmented<PeriodKind>
              aria-label={t('bulletin.periodKind')}
              value={kind}
              onChange={(k) => {
                setKind(k);
                setPeriod(lastPeriod(k));
              }}
              options={(['month', 'quarter', 'year'] as const).map((k) => ({
                value: k,
                label: t(`bulletin.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('bulletin.period')} htmlFor="bulletin-period">
            <Select
              id="bulletin-period"
              value={period}
              onChange={setPeriod}
              options={periodOptions(kind, t)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** One bulletin as it was frozen: its summary, the ranking, the named overdue list, the files. */
function BulletinView({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const state = useAsync(() => reviewApi.bulletin(id), [id]);
  return (
    <AsyncView state={state}>
      {(b) => (
        <Space
          orientation="vertical"
          size={16}
          style={{ width: '100%' }}
          data-testid="bulletin"
          data-period={b.period}
        >
          <Typography.Paragraph style={{ margin: 0 }}>{b.summary}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('bulletin.publishedBy', {
              name: b.publishedBy.name,
              at: formatDateTime(b.publishedAt, locale),
            })}
          </Typography.Text>
          <Space wrap>
            <DownloadButton
              primary
              fetchFile={() => reviewApi.bulletinFile(b.bulletinId, 'xlsx')}
              fallbackName={`工作通报_${b.period}.xlsx`}
            >
              {t('review.downloadXlsx')}
            </DownloadButton>
            <DownloadButton
              fetchFile={() => reviewApi.bulletinFile(b.bulletinId, 'pdf')}
              fallbackName={`工作通报_${b.period}.pdf`}
            >
              {t('review.downloadPdf')}
            </DownloadButton>
          </Space>
          <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
            {t('bulletin.ranking')}
          </Typography.Title>
          <Table
            data-testid="bulletin-ranking"
            size="small"
            rowKey="departmentId"
            pagination={false}
            dataSource={b.ranking}
            columns={[
              { key: 'rank', title: '#', dataIndex: 'rank', width: 40 },
              { key: 'name', title: t('tickets.department'), dataIndex: 'departmentName' },
              { key: 'score', title: t('dashboard.score'), width: 90, render: (_, r) => score100(r.score) },
              { key: 'received', title: t('dashboard.received'), dataIndex: 'received', width: 80 },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.formula}
          </Typography.Text>
          <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
            {t('bulletin.overdue', { n: b.overdueTotal })}
          </Typography.Title>
          <Table
            data-testid="bulletin-overdue"
            size="small"
            rowKey={(r) => `${r.ticketId}-${r.clock}`}
            pagination={b.overdue.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={b.overdue}
            scroll={b.overdue.length ? { x: 640 } : undefined}
            locale={{ emptyText: <EmptyState text={t('bulletin.noOverdue')} /> }}
            columns={[
              {
                key: 'number',
                title: t('tickets.number'),
                width: 140,
                render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.number}</Link>,
              },
              { key: 'title', title: t('tickets.title'), dataIndex: 'title', ellipsis: true },
              { key: 'department', title: t('tickets.department'), dataIndex: 'departmentName', width: 100 },
              {
                key: 'clock',
                title: t('bulletin.clock'),
                width: 100,
                render: (_, r) => t(`dueKind.${r.clock}` as MessageKey),
              },
              {
                key: 'due',
                title: t('bulletin.dueAt'),
                width: 150,
                render: (_, r) => formatDateTime(r.dueAt, locale),
              },
            ]}
          />
        </Space>
      )}
    </AsyncView>
  );
}

/**
 * 工作通报: the bulletins the committee published (every department gets them in-app and in its
 * group robot), newest first; the committee publishes a period's.
 */
export function BulletinsPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const [tick, setTick] = useState(0);
  const openId = params.get('id');
  const pages = useCursorPages((cursor) => reviewApi.bulletins(cursor), [tick]);
  const open = (id: string | null) => setParams(id ? { id } : {}, { replace: !id });
  const reload = () => setTick((n) => n + 1);
  const shown = pages.rows.find((b) => b.bulletinId === openId);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="bulletins-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <h1 className="page-title">{t('nav.bulletins')}</h1>
        {user.role === 'committee' && (
          <PublishButton
            onPublished={(b) => {
              reload();
              open(b.bulletinId);
            }}
          />
        )}
      </Space>
      <Card size="small">
        {pages.error !== undefined && pages.rows.length === 0 ? (
          <ErrorState error={pages.error} onRetry={reload} />
        ) : (
          <Table<BulletinSummary>
            data-testid="bulletin-list"
            size="small"
            rowKey="bulletinId"
            loading={pages.loading}
            dataSource={pages.rows}
            pagination={false}
            locale={{ emptyText: <EmptyState text={t('bulletin.empty')} /> }}
            columns={[
              {
                key: 'title',
                title: t('bulletin.title'),
                render: (_, b) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/bulletins?id=${b.bulletinId}`}>{b.title}</Link>
                    {narrow && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(b.publishedAt, locale)}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              ...(narrow
                ? []
                : [
                    {
                      key: 'at',
                      title: t('bulletin.publishedAt'),
                      width: 160,
                      render: (_: unknown, b: BulletinSummary) => formatDateTime(b.publishedAt, locale),
                    },
                    {
                      key: 'by',
                      title: t('bulletin.publisher'),
                      width: 140,
                      render: (_: unknown, b: BulletinSummary) => b.publishedBy.name,
                    },
                  ]),
              { key: 'overdue', title: t('bulletin.overdueCount'), dataIndex: 'overdueTotal', width: 90 },
            ]}
          />
        )}
        {pages.hasMore && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={pages.more} loading={pages.loading}>
              {t('common.loadMore')}
            </Button>
          </div>
        )}
      </Card>
      <Drawer
        open={!!openId}
        onClose={() => open(null)}
        size={narrow ? '100%' : 720}
        title={shown?.title ?? t('nav.bulletins')}
        destroyOnHidden
      >
        {openId && <BulletinView id={openId} />}
      </Drawer>
    </Space>
  );
}
