import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/deadline';
import { ledgerNumberColumn, percent } from '../../shared/ledger-figures';
import { AsyncView, EmptyState } from '../../shared/states';
import { StatusTag } from '../../shared/tags';
import { useAsync } from '../../shared/use-async';
import { FileNeeds, FileOutreach, FileTimeline, LiaisonsCard, loadFileOutreach } from './file-outreach';

interface EnterpriseFile {
  enterprise: {
    id: string;
    name: string | null;
    creditCode?: string | null;
    gridName?: string | null;
    industry?: string | null;
    address?: string | null;
    active?: boolean;
  };
  summary: {
    year: string;
    tickets: number;
    resolved: number;
    solved: number;
    satisfied: number;
    feedback: number;
  }[];
  tickets: {
    ticketId: string;
    number: string | null;
    title: string | null;
    categoryName: string | null;
    departmentName: string | null;
    coHandlerNames?: string[];
    status: string | null;
    submittedAt: string | null;
    resolvedAt: string | null;
    resolvedOnTime: boolean | null;
    satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied' | null;
    solved: boolean | null;
    reopenCount: number | null;
    transferCount: number | null;
  }[];
}

type FileTicket = EnterpriseFile['tickets'][number];
type YearRow = EnterpriseFile['summary'][number];

const SATISFACTION_COLOURS = { satisfied: 'green', basically_satisfied: 'blue', unsatisfied: 'red' } as const;

/**
 * The ledger's file (profile, tickets and how each ended) beside what outreach keeps (liaisons,
 * visits, needs). The ledger knows an enterprise only once something happened to it: until then its
 * file is the outreach part with no tickets. Outside the caller's scope both answer no (403/404).
 */
async function loadFile(
  enterpriseId: string,
  ownFile: boolean,
): Promise<{ ledger: EnterpriseFile; outreach: FileOutreach }> {
  const outreach = await loadFileOutreach(enterpriseId, ownFile);
  const ledger = await api<EnterpriseFile>(
    `/api/v1/ledger/enterprises/${encodeURIComponent(enterpriseId)}/file`,
  ).catch((e: unknown) => {
    if (e instanceof ApiError && e.status === 404)
      return {
        enterprise: { id: enterpriseId, name: outreach.liaisons.enterpriseName },
        summary: [],
        tickets: [],
      };
    throw e;
  });
  return { ledger, outreach };
}

/**
 * 一企一档: one enterprise's profile; who to call (联系人); its visits, needs and tickets on one
 * timeline; its needs, which it (or its instructor, or the committee) adds here; and every ticket it
 * ever raised with how each ended, from the ledger. The enterprise sees its own (visits without the
 * instructors' notes); an instructor the enterprises of their grids; the committee all.
 */
export function EnterpriseFilePage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { id } = useParams();
  const enterpriseId = id ?? user.enterpriseId ?? '';
  const navigate = useNavigate();
  const ownFile = user.role === 'enterprise';
  const state = useAsync(() => loadFile(enterpriseId, ownFile), [enterpriseId, ownFile]);

  // Another grid's enterprise, or none at all, does not exist for this user.
  if (state.error instanceof ApiError && [403, 404].includes(state.error.status) && state.data === undefined)
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('file.notFound')}</h1>}
        subTitle={t('file.notFoundHint')}
        data-testid="enterprise-file-not-found"
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
            {t('ticket.back')}
          </Button>
        }
      />
    );

  return (
    <AsyncView state={state}>
      {({ ledger: f, outreach }) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-file">
          <Card
            title={
              <h1 className="page-title">{`${t('file.title')} · ${f.enterprise.name ?? outreach.liaisons.enterpriseName}`}</h1>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'credit', label: t('file.creditCode'), children: f.enterprise.creditCode ?? '—' },
                {
                  key: 'grid',
                  label: t('file.grid'),
                  children: f.enterprise.gridName ?? outreach.liaisons.gridName ?? '—',
                },
                { key: 'industry', label: t('file.industry'), children: f.enterprise.industry ?? '—' },
                { key: 'address', label: t('file.address'), children: f.enterprise.address ?? '—' },
              ]}
            />
          </Card>
          <LiaisonsCard l={outreach.liaisons} />
          <FileTimeline data={outreach} />
          <FileNeeds enterpriseId={enterpriseId} needs={outreach.needs} onChanged={state.reload} />
          <Card title={t('file.byYear')} size="small">
            <Table<YearRow>
              size="small"
              rowKey="year"
              pagination={false}
              dataSource={f.summary}
              locale={{ emptyText: <EmptyState /> }}
              columns={[
                { key: 'year', title: t('file.year'), dataIndex: 'year' },
                { key: 'tickets', title: t('file.tickets'), dataIndex: 'tickets' },
                { key: 'resolved', title: t('status.resolved'), dataIndex: 'resolved' },
                {
                  key: 'solved',
                  title: t('rate.resolution'),
                  render: (_, r) => (r.feedback ? percent(r.solved / r.feedback) : '—'),
                },
                {
                  key: 'satisfied',
                  title: t('file.satisfiedShare'),
                  render: (_, r) => (r.feedback ? percent(r.satisfied / r.feedback) : '—'),
                },
              ]}
            />
          </Card>
          <Card title={t('file.history')} size="small">
            <Table<FileTicket>
              size="small"
              rowKey="ticketId"
              data-testid="enterprise-file-tickets"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={f.tickets}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <EmptyState text={t('file.noTickets')} /> }}
              columns={[
                ledgerNumberColumn<FileTicket>(t),
                { key: 'title', title: t('tickets.title'), dataIndex: 'title' },
                { key: 'category', title: t('tickets.category'), dataIndex: 'categoryName' },
                {
                  key: 'dept',
                  title: t('tickets.department'),
                  render: (_, r) =>
                    [r.departmentName, ...(r.coHandlerNames ?? [])].filter(Boolean).join('、') || '—',
                },
                {
                  key: 'status',
                  title: t('tickets.status'),
                  render: (_, r) => (r.status ? <StatusTag status={r.status as never} /> : '—'),
                },
                {
                  key: 'submitted',
                  title: t('tickets.submittedAt'),
                  render: (_, r) => formatDateTime(r.submittedAt, locale),
                },
                {
                  key: 'onTime',
                  title: t('file.onTime'),
                  render: (_, r) =>
                    r.resolvedAt === null ? (
                      '—'
                    ) : r.resolvedOnTime ? (
                      <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('common.yes')} />
                    ) : (
                      <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('common.no')} />
                    ),
                },
                {
                  key: 'satisfaction',
                  title: t('feedback.satisfaction'),
                  render: (_, r) =>
                    r.satisfaction ? (
                      <Tag color={SATISFACTION_COLOURS[r.satisfaction]}>
                        {t(`satisfaction.${r.satisfaction}` as MessageKey)}
                      </Tag>
                    ) : (
                      '—'
                    ),
                },
                {
                  key: 'reopen',
                  title: t('timeline.reopen'),
                  render: (_, r) => r.reopenCount || '—',
                },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('file.source')}
            </Typography.Text>
          </Card>
        </Space>
      )}
    </AsyncView>
  );
}
