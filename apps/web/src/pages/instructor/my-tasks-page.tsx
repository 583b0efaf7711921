import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/format';
import { percent } from '../../shared/ledger-figures';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { keepAppForOffline } from '../outreach/offline-shell';
import { allPages, OUTREACH, PlanVsDone, TaskList, VisitSummary } from '../outreach/outreach-api';
import { PendingVisits, SentVisits, useDrafts, useSentVisits } from '../outreach/pending-visits';
import { ReasonTag, SectionTitle, VisitModeText } from '../outreach/outreach-words';
import { visitOutbox } from '../outreach/visit-drafts';
import { monthLabel, zoneMonth } from '../outreach/zone-time';

interface MonthWork {
  list: TaskList | null;
  plan: PlanVsDone | null;
  visits: VisitSummary[];
}

async function loadMonth(month: string): Promise<MonthWork> {
  const [lists, plan, visits] = await Promise.all([
    api<Page<TaskList>>(`${OUTREACH}/task-lists`, { query: { month, limit: 10 } }),
    api<{ instructors: PlanVsDone[] }>(`${OUTREACH}/plan-vs-done`, { query: { month } }),
    allPages((cursor) =>
      api<Page<VisitSummary>>(`${OUTREACH}/visits`, { query: { month, limit: 100, cursor } }),
    ),
  ]);
  return {
    list: lists.items.find((l) => l.status === 'published') ?? null,
    plan: plan.instructors[0] ?? null,
    visits,
  };
}

/**
 * 本月任务: the month's published task list (which enterprises, why, what to talk about), how far it
 * is done, and this month's visits; each enterprise one tap from recording its visit. Drafts waiting
 * for a connection are listed on top.
 */
export function MyTasksPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const month = zoneMonth();
  const drafts = useDrafts(user.id);
  const sent = useSentVisits();
  const state = useAsync(() => loadMonth(month), [month, sent.length]);

  useEffect(() => {
    keepAppForOffline();
    visitOutbox.start(user.id);
  }, [user.id]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-tasks">
      <Card
        styles={{ body: { padding: 16 } }}
        title={<h1 className="page-title">{`${t('nav.myTasks')} · ${monthLabel(month, locale)}`}</h1>}
        extra={
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => navigate('/visits/new')}>
            {t('nav.recordVisit')}
          </Button>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <SentVisits sent={sent} />
          {drafts && <PendingVisits drafts={drafts} />}
          <AsyncView state={state}>
            {({ plan }) => (
              <Row gutter={[12, 12]} data-testid="my-plan">
                {(
                  [
                    ['planned', plan?.planned ?? 0],
                    ['visitedPlanned', plan?.visitedPlanned ?? 0],
                    ['notVisited', plan?.notVisited ?? 0],
                    ['visitedUnplanned', plan?.visitedUnplanned ?? 0],
                    ['problems', plan?.problems ?? 0],
                  ] as const
                ).map(([key, value]) => (
                  <Col xs={12} sm={8} md={4} key={key}>
                    <Statistic
                      title={t(`plan.${key}` as MessageKey)}
                      value={value}
                      data-testid={`plan-${key}`}
                    />
                  </Col>
                ))}
                <Col xs={12} sm={8} md={4}>
                  <Statistic
                    title={t('plan.completionRate')}
                    value={percent(plan?.completionRate ?? null)}
                    data-testid="plan-completionRate"
                  />
                </Col>
              </Row>
            )}
          </AsyncView>
        </Space>
      </Card>

      <AsyncView state={state}>
        {({ list, plan, visits }) => {
          const lines = new Map((plan?.enterprises ?? []).map((e) => [e.enterpriseId, e]));
          return (
            <>
              <Card size="small" title={<SectionTitle>{t('tasks.listTitle')}</SectionTitle>}>
                {list ? (
                  <List
                    data-testid="task-items"
                    dataSource={list.items}
                    renderItem={(item) => {
                      const line = lines.get(item.enterpriseId);
                      const visited = (line?.visits ?? 0) > 0;
                      return (
                        <List.Item
                          data-enterprise={item.enterpriseId}
                          data-visited={visited}
                          actions={[
                            <Button
                              key="visit"
                              size="small"
                              type={visited ? 'default' : 'primary'}
                              onClick={() =>
                                navigate(`/visits/new?enterprise=${encodeURIComponent(item.enterpriseId)}`)
                              }
                              aria-label={t('tasks.recordFor', { enterprise: item.enterpriseName })}
                            >
                              {t('tasks.record')}
                            </Button>,
                          ]}
                        >
                          <List.Item.Meta
                            title={
                              <Space wrap size={4}>
                                <Link to={`/enterprises/${item.enterpriseId}/file`}>
                                  {item.enterpriseName}
                                </Link>
                                <ReasonTag reason={item.reason} />
                                {visited && (
                                  <Tag color="green" icon={<CheckCircleFilled aria-hidden />}>
                                    {t('tasks.visited', { n: line?.visits ?? 0 })}
                                  </Tag>
                                )}
                              </Space>
                            }
                            description={
                              item.topics.length ? (
                                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                                  {item.topics.map((topic, i) => (
                                    <li key={i}>
                                      {t(`topic.kind.${topic.kind}` as MessageKey)}：{topic.text}
                                    </li>
                                  ))}
                                </ul>
                              ) : (
                                t('tasks.noTopics')
                              )
                            }
                          />
                        </List.Item>
                      );
                    }}
                  />
                ) : (
                  <Empty description={t('tasks.notPublished')} />
                )}
              </Card>
              <Card size="small" title={<SectionTitle>{t('tasks.visitsTitle')}</SectionTitle>}>
                <List
                  data-testid="month-visits"
                  dataSource={visits}
                  locale={{ emptyText: <Empty description={t('tasks.noVisits')} /> }}
                  renderItem={(v) => (
                    <List.Item data-visit={v.id}>
                      <Space orientation="vertical" size={0}>
                        <Link to={`/visits/${v.id}`}>{v.enterpriseName}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(v.visitedAt, locale)} · <VisitModeText mode={v.mode} /> ·{' '}
                          {v.planned ? t('visit.planned') : t('visit.unplanned')} ·{' '}
                          {t('visit.counts', {
                            problems: v.problemCount,
                            tickets: v.ticketCount,
                            needs: v.needCount,
                          })}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            </>
          );
        }}
      </AsyncView>
    </Space>
  );
}
