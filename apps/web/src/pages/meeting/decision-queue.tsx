import { Button, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { ErrorState } from '../../shared/states';
import { useCursorPages } from '../../shared/use-cursor-pages';
import { DecisionStatus, meetingsApi } from './meeting-api';
import { DecisionTable } from './decision-list';

type Filter = 'open' | 'closed' | 'all';
const STATUSES: Record<Filter, DecisionStatus[] | undefined> = {
  open: ['open', 'done'],
  closed: ['closed'],
  all: undefined,
};

/**
 * The decisions (议定事项) of joint meetings: for a department those it leads or co-handles (its
 * queue, with each decision's deadline and card), for the committee all of them.
 */
export function DecisionQueue({ testId = 'decision-queue' }: { testId?: string }) {
  const { t } = useI18n();
  const user = useUser();
  const [filter, setFilter] = useState<Filter>('open');
  const [tick, setTick] = useState(0);
  const mine = user.role === 'department';
  const pages = useCursorPages(
    (cursor) => meetingsApi.decisions({ mine: mine || undefined, status: STATUSES[filter], cursor }),
    [filter, tick, mine],
  );
  const reload = () => setTick((n) => n + 1);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(mine ? 'decision.queueIntro' : 'decision.allIntro')}
      </Typography.Paragraph>
      <Space wrap>
        <Segmented<Filter>
          aria-label={t('tickets.filterStatus')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: t('decision.filter.open') },
            { value: 'closed', label: t('decision.filter.closed') },
            { value: 'all', label: t('decision.filter.all') },
          ]}
        />
        <Button onClick={reload}>{t('common.refresh')}</Button>
      </Space>
      {pages.error !== undefined && pages.rows.length === 0 ? (
        <ErrorState error={pages.error} onRetry={reload} />
      ) : (
        <>
          <DecisionTable
            testId={testId}
            rows={pages.rows}
            loading={pages.loading}
            onChanged={reload}
            showRole={mine}
            emptyText={t(mine ? 'decision.emptyMine' : 'decision.empty')}
          />
          {pages.hasMore && (
            <div style={{ textAlign: 'center' }}>
              <Button onClick={pages.more} loading={pages.loading}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </Space>
  );
}
