import { Button, Card, Drawer, Grid, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { InstructorExplanation, partFigures, PeriodPicker } from '../outreach/instructor-score';
import {
  InstructorExplained,
  InstructorPoints,
  InstructorRanking,
  LEDGER_INSTRUCTORS,
  RankingRow,
} from '../outreach/outreach-api';
import { periodLabel, zoneMonth } from '../outreach/zone-time';

const PARTS: (keyof InstructorPoints)[] = ['plan', 'problems', 'solved', 'satisfaction', 'activities'];

function Explained({ instructorUserId, period }: { instructorUserId: string; period: string }) {
  const state = useAsync(
    () =>
      api<InstructorExplained>(`${LEDGER_INSTRUCTORS}/${encodeURIComponent(instructorUserId)}/figures`, {
        query: { period },
      }),
    [instructorUserId, period],
  );
  return <AsyncView state={state}>{(d) => <InstructorExplanation data={d} />}</AsyncView>;
}

/**
 * 指导员排名: every instructor's 量化积分 for a month, quarter or year, best first, each part with the
 * figures behind it and the ledger's published formula; a name opens what the score was made of.
 */
export function InstructorRankingPage() {
  const { t, locale } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const [period, setPeriod] = useState(zoneMonth());
  const [open, setOpen] = useState<RankingRow | null>(null);
  const state = useAsync(
    () => api<InstructorRanking>(`${LEDGER_INSTRUCTORS}/ranking`, { query: { period } }),
    [period],
  );

  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="instructor-ranking"
      title={<h1 className="page-title">{t('nav.instructorRanking')}</h1>}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <PeriodPicker id="ranking-period" value={period} onChange={setPeriod} />
        <AsyncView state={state}>
          {(r) => (
            <>
              <Table<RankingRow>
                rowKey="instructorUserId"
                size="small"
                pagination={false}
                dataSource={r.rows}
                scroll={{ x: 960 }}
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('ranking.empty')}</Typography.Text>,
                }}
                columns={[
                  {
                    key: 'rank',
                    title: t('ranking.rank'),
                    dataIndex: 'rank',
                    width: 60,
                    fixed: narrow ? undefined : 'left',
                  },
                  {
                    key: 'name',
                    title: t('role.instructor'),
                    width: 140,
                    render: (_, row) => (
                      <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(row)}>
                        {row.name}
                      </Button>
                    ),
                  },
                  {
                    key: 'score',
                    title: t('score.total'),
                    width: 90,
                    render: (_, row) => <strong data-testid="ranking-score">{row.score.toFixed(1)}</strong>,
                  },
                  ...PARTS.map((p) => ({
                    key: p,
                    title: t(`score.part.${p}` as MessageKey),
                    width: 150,
                    render: (_: unknown, row: RankingRow) => (
                      <span data-part={p}>
                        {row.points[p].toFixed(1)}
                        <br />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {partFigures(p, row.figures, t)}
                        </Typography.Text>
                      </span>
                    ),
                  })),
                ]}
              />
              <Typography.Paragraph
                type="secondary"
                style={{ fontSize: 12, marginTop: 12 }}
                data-testid="ranking-formula"
              >
                {locale === 'en' ? r.formula.en : r.formula.zh}
              </Typography.Paragraph>
            </>
          )}
        </AsyncView>
      </Space>
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size={narrow ? '100%' : 720}
        title={open ? `${open.name} · ${periodLabel(period, locale)}` : ''}
      >
        {open && <Explained instructorUserId={open.instructorUserId} period={period} />}
      </Drawer>
    </Card>
  );
}
