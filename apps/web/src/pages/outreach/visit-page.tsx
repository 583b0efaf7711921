import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Image, List, Result, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, apiResponse, ApiError } from '../../api/client';
import type { TicketStatus } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useDirectory } from '../../shared/directory';
import { formatDateTime } from '../../shared/format';
import { AsyncView } from '../../shared/states';
import { StatusTag, UrgencyTag } from '../../shared/tags';
import { useAsync } from '../../shared/use-async';
import { Need, OUTREACH, Visit, VisitPhotoRef } from './outreach-api';
import { NeedStatusTag, SectionTitle, VisitModeText } from './outreach-words';

function VisitPhotoItem({ p }: { p: VisitPhotoRef }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    apiResponse(`${OUTREACH}/visits/photos/${p.id}`)
      .then((r) => r.blob())
      .then((b) => {
        if (!live) return;
        made = URL.createObjectURL(b);
        setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [p.id]);
  return (
    <figure style={{ margin: 0, width: 112 }} data-testid="visit-photo">
      <Image width={112} height={112} style={{ objectFit: 'cover' }} src={url} alt={p.fileName} />
      <figcaption
        style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        title={p.fileName}
      >
        {p.fileName}
      </figcaption>
    </figure>
  );
}

async function loadVisit(id: string): Promise<{ visit: Visit; needs: Need[] }> {
  const visit = await api<Visit>(`${OUTREACH}/visits/${encodeURIComponent(id)}`);
  const needs = await Promise.all(
    visit.needIds.map((n) => api<Need>(`${OUTREACH}/needs/${n}`).catch(() => null)),
  );
  return { visit, needs: needs.filter((n): n is Need => !!n) };
}

/**
 * One 走访记录: when, how, who went, what was talked about; the instructor's notes and photos (never
 * shown to the enterprise: the API leaves them out for it); each problem with the ticket it became
 * (来自走访) and its status; the needs put on the 需求清单.
 */
export function VisitPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { categoryName } = useDirectory();
  const state = useAsync(() => loadVisit(id), [id]);
  const staff = user.role !== 'enterprise';

  if (state.error instanceof ApiError && state.error.status === 404 && state.data === undefined)
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('visit.notFound')}</h1>}
        subTitle={t('visit.notFoundHint')}
        data-testid="visit-not-found"
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
            {t('ticket.back')}
          </Button>
        }
      />
    );

  return (
    <AsyncView state={state}>
      {({ visit: v, needs }) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="visit-page">
          <Space wrap>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
              {t('ticket.back')}
            </Button>
            <h1 className="page-title">{`${t('visit.recordTitle')} · ${v.enterpriseName}`}</h1>
            <Tag color={v.planned ? 'green' : 'default'}>
              {v.planned ? t('visit.planned') : t('visit.unplanned')}
            </Tag>
          </Space>
          <Card size="small" title={<SectionTitle>{t('visit.overview')}</SectionTitle>}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'enterprise',
                  label: t('visit.enterprise'),
                  children:
                    user.role === 'enterprise' ? (
                      v.enterpriseName
                    ) : (
                      <Link to={`/enterprises/${v.enterpriseId}/file`}>{v.enterpriseName}</Link>
                    ),
                },
                { key: 'instructor', label: t('role.instructor'), children: v.instructor.name },
                { key: 'at', label: t('visit.visitedAt'), children: formatDateTime(v.visitedAt, locale) },
                { key: 'mode', label: t('visit.mode'), children: <VisitModeText mode={v.mode} /> },
                {
                  key: 'companions',
                  label: t('visit.companions'),
                  children: v.companions.length ? v.companions.join('、') : '—',
                },
                {
                  key: 'topics',
                  label: t('visit.topics'),
                  children: v.topics.length ? v.topics.map((x) => <Tag key={x}>{x}</Tag>) : '—',
                },
              ]}
            />
          </Card>
          {staff && (
            <Card
              size="small"
              data-testid="visit-internal"
              title={
                <SectionTitle>
                  <LockOutlined aria-hidden /> {t('visit.internalTitle')}
                </SectionTitle>
              }
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('visit.internalHint')}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="visit-findings">
                {v.findings || '—'}
              </Typography.Paragraph>
              {v.photos.length > 0 && (
                <Image.PreviewGroup>
                  <Space wrap align="start">
                    {v.photos.map((p) => (
                      <VisitPhotoItem key={p.id} p={p} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              )}
            </Card>
          )}
          <Card size="small" title={<SectionTitle>{t('visit.problemsTitle')}</SectionTitle>}>
            <List
              data-testid="visit-problems"
              dataSource={v.problems}
              locale={{
                emptyText: <Typography.Text type="secondary">{t('visit.noProblems')}</Typography.Text>,
              }}
              renderItem={(p) => (
                <List.Item data-problem={p.index} data-ticket={p.ticket?.id ?? ''}>
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap size={4}>
                      <Typography.Text strong>{p.title}</Typography.Text>
                      <Tag>{categoryName(p.category)}</Tag>
                      <UrgencyTag urgency={p.urgency as never} />
                    </Space>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {p.description}
                    </Typography.Paragraph>
                    {p.ticket ? (
                      <Space wrap size={4} data-testid="visit-problem-ticket">
                        <Typography.Text type="secondary">{t('visit.becameTicket')}</Typography.Text>
                        <Link to={`/tickets/${p.ticket.id}`}>{p.ticket.number}</Link>
                        {p.ticket.status && <StatusTag status={p.ticket.status as TicketStatus} />}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary" data-testid="visit-problem-pending">
                        {t('visit.ticketPending')}
                      </Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={<SectionTitle>{t('visit.needsTitle')}</SectionTitle>}>
            <List
              data-testid="visit-needs"
              dataSource={needs}
              locale={{ emptyText: <Typography.Text type="secondary">{t('visit.noNeeds')}</Typography.Text> }}
              renderItem={(n) => (
                <List.Item>
                  <Space wrap size={4}>
                    <Tag>{t(`need.kind.${n.kind}` as MessageKey)}</Tag>
                    <Typography.Text>{n.title}</Typography.Text>
                    <NeedStatusTag status={n.status} />
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {user.role === 'enterprise' && <Alert type="info" showIcon title={t('visit.enterpriseNote')} />}
        </Space>
      )}
    </AsyncView>
  );
}
