import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  Card,
  Col,
  DatePicker,
  Descriptions,
  List,
  Row,
  Segmented,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/format';
import { percent } from '../../shared/ledger-figures';
import { GOOD, BAD } from '../../theme';
import type { InstructorExplained, InstructorFigures, InstructorPoints } from './outreach-api';
import { SectionTitle, VisitModeText } from './outreach-words';
import { monthLabel, periodLabel } from './zone-time';

export type PeriodKind = 'month' | 'quarter' | 'year';

export const kindOf = (period: string): PeriodKind =>
  /-Q\d$/.test(period) ? 'quarter' : /^\d{4}$/.test(period) ? 'year' : 'month';

/** A month, a quarter or a year, as the ledger names them (2026-03, 2026-Q1, 2026). */
export function PeriodPicker({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (p: string) => void;
  id: string;
}) {
  const { t } = useI18n();
  const kind = kindOf(value);
  const start =
    kind === 'quarter'
      ? dayjs(`${value.slice(0, 4)}-${String((Number(value.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`)
      : kind === 'year'
        ? dayjs(`${value}-01-01`)
        : dayjs(`${value}-01`);
  const label = (d: dayjs.Dayjs, k: PeriodKind) =>
    k === 'year'
      ? d.format('YYYY')
      : k === 'quarter'
        ? `${d.format('YYYY')}-Q${Math.floor(d.month() / 3) + 1}`
        : d.format('YYYY-MM');
  return (
    <Space wrap>
      <Segmented<PeriodKind>
        aria-label={t('score.periodKind')}
        value={kind}
        onChange={(k) => onChange(label(start, k))}
        options={(['month', 'quarter', 'year'] as const).map((k) => ({
          value: k,
          label: t(`score.kind.${k}` as MessageKey),
        }))}
      />
      <label
        htmlFor={id}
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
      >
        {t('score.period')}
      </label>
      <DatePicker
        id={id}
        picker={kind}
        allowClear={false}
        value={start}
        onChange={(d) => d && onChange(label(d, kind))}
        disabledDate={(d) => d.isAfter(dayjs(), kind === 'quarter' ? 'month' : kind)}
      />
    </Space>
  );
}

const PARTS: (keyof InstructorPoints)[] = ['plan', 'problems', 'solved', 'satisfaction', 'activities'];

/** What each part of the score counts, in figures (完成率 4 / 5 …). */
export function partFigures(
  part: keyof InstructorPoints,
  f: InstructorFigures,
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
): string {
  switch (part) {
    case 'plan':
      return `${percent(f.completionRate)}（${f.visitedPlanned} / ${f.planned}）`;
    case 'problems':
      return t('score.problemsOf', { n: f.problems, tickets: f.tickets });
    case 'solved':
      return t('score.solvedOf', { n: f.solved, tickets: f.tickets });
    case 'satisfaction':
      return `${percent(f.satisfactionRate)}（${t('score.ratedOf', { n: f.rated })}）`;
    case 'activities':
      return t('score.activitiesOf', { n: f.activities });
  }
}

/**
 * One instructor's 量化积分 for a period, explained from the ledger: the score and its rank, each part
 * with the figures behind it and the published formula, then month by month the planned
 * enterprises (visited or not), the visits, the tickets of their problems with their outcome, and
 * the activities logged.
 */
export function InstructorExplanation({ data }: { data: InstructorExplained }) {
  const { t, locale } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="instructor-score">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('score.total')} value={data.score.toFixed(1)} data-testid="score-total" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('score.rank')}
            value={data.rank ?? '—'}
            suffix={data.rank ? `/ ${data.of}` : undefined}
            data-testid="score-rank"
          />
        </Col>
      </Row>
      <Descriptions
        size="small"
        bordered
        column={1}
        data-testid="score-parts"
        items={PARTS.map((p) => ({
          key: p,
          label: t(`score.part.${p}` as MessageKey),
          children: (
            <span data-part={p}>
              <strong>{data.points[p].toFixed(1)}</strong> · {partFigures(p, data.figures, t)}
            </span>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="score-formula">
        {locale === 'en' ? data.formula.en : data.formula.zh}
      </Typography.Paragraph>
      {data.months
        .filter((m) => m.plan.length || m.visits.length || m.activities.length)
        .map((m) => (
          <Card key={m.month} size="small" title={<SectionTitle>{monthLabel(m.month, locale)}</SectionTitle>}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('score.plan')}</Typography.Text>
                <List
                  size="small"
                  dataSource={m.plan}
                  locale={{
                    emptyText: <Typography.Text type="secondary">{t('score.noPlan')}</Typography.Text>,
                  }}
                  renderItem={(p) => (
                    <List.Item data-planned={p.enterpriseId} data-visited={p.visited}>
                      <Space size={4}>
                        {p.visited ? (
                          <CheckCircleFilled style={{ color: GOOD }} aria-label={t('score.visited')} />
                        ) : (
                          <CloseCircleFilled style={{ color: BAD }} aria-label={t('score.notVisited')} />
                        )}
                        {p.enterpriseName}
                      </Space>
                    </List.Item>
                  )}
                />
                {m.visitedUnplanned.length > 0 && (
                  <Typography.Paragraph style={{ fontSize: 12, marginTop: 8 }}>
                    {t('score.unplanned')}：{m.visitedUnplanned.map((u) => u.enterpriseName).join('、')}
                  </Typography.Paragraph>
                )}
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('score.visits')}</Typography.Text>
                <List
                  size="small"
                  dataSource={m.visits}
                  locale={{
                    emptyText: <Typography.Text type="secondary">{t('tasks.noVisits')}</Typography.Text>,
                  }}
                  renderItem={(v) => (
                    <List.Item>
                      <Space orientation="vertical" size={0}>
                        <Link to={`/visits/${v.visitId}`}>{v.enterpriseName}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(v.visitedAt, locale)} · <VisitModeText mode={v.mode} /> ·{' '}
                          {v.planned ? t('visit.planned') : t('visit.unplanned')} ·{' '}
                          {t('score.problemsN', { n: v.problems })}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('score.tickets')}</Typography.Text>
                <List
                  size="small"
                  dataSource={m.tickets}
                  locale={{
                    emptyText: <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
                  }}
                  renderItem={(x) => (
                    <List.Item data-ticket={x.ticketId}>
                      <Space wrap size={4}>
                        <Link to={`/tickets/${x.ticketId}`}>{x.number}</Link>
                        <span>{x.title ?? ''}</span>
                        {x.solved !== null && (
                          <Tag color={x.solved ? 'green' : 'red'}>
                            {x.solved ? t('score.solved') : t('score.unsolved')}
                          </Tag>
                        )}
                        {x.satisfaction && <Tag>{t(`satisfaction.${x.satisfaction}` as MessageKey)}</Tag>}
                        {x.solved === null && !x.satisfaction && (
                          <Typography.Text type="secondary">{t('score.notRated')}</Typography.Text>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('score.activities')}</Typography.Text>
                <List
                  size="small"
                  dataSource={m.activities}
                  locale={{
                    emptyText: <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
                  }}
                  renderItem={(a) => (
                    <List.Item>
                      {a.day} · {a.title}
                    </List.Item>
                  )}
                />
              </Col>
            </Row>
          </Card>
        ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('score.source', { period: periodLabel(data.period, locale) })}
      </Typography.Text>
    </Space>
  );
}
