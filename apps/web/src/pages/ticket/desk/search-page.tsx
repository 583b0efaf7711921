import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { ReactNode, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { TicketStatus, TicketStatuses } from '../../../api/types';
import { useUser } from '../../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh';
import { useCapability } from '../../../shared/capabilities';
import { formatDateTime } from '../../../shared/deadline';
import { useDirectory } from '../../../shared/directory';
import { ErrorState } from '../../../shared/states';
import { StatusTag } from '../../../shared/tags';
import { useCursorPages } from '../../../shared/use-cursor-pages';
import { deskApi, SearchHit } from './desk-api';

import { SEARCH_PATH } from './header-search';

/** The text with its matched ranges marked (<mark>), as the search answered them. */
function Marked({ text, matches }: { text: string; matches: { start: number; end: number }[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  [...matches]
    .sort((a, b) => a.start - b.start)
    .forEach((m, i) => {
      if (m.start < at) return;
      parts.push(text.slice(at, m.start));
      parts.push(
        <mark key={i} style={{ background: '#ffe58f', padding: 0 }}>
          {text.slice(m.start, m.end)}
        </mark>,
      );
      at = m.end;
    });
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t, locale } = useI18n();
  const { categoryName, departmentName } = useDirectory();
  const title = hit.highlights.find((h) => h.field === 'title');
  const others = hit.highlights.filter((h) => h.field !== 'title' && h.field !== 'number').slice(0, 2);
  return (
    <div role="listitem" data-hit={hit.id} style={{ padding: '12px 4px', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap size={[8, 4]}>
        <Link to={`/tickets/${hit.id}`}>{hit.number}</Link>
        <Link to={`/tickets/${hit.id}`} style={{ color: 'inherit', fontWeight: 500 }}>
          {title ? <Marked text={title.text} matches={title.matches} /> : hit.title}
        </Link>
        <StatusTag status={hit.status as TicketStatus} />
      </Space>
      <div style={{ fontSize: 13, marginTop: 2 }}>
        <Typography.Text type="secondary">
          {hit.enterpriseName} · {categoryName(hit.category)} · {departmentName(hit.leadDepartmentId)} ·{' '}
          {formatDateTime(hit.submittedAt, locale)}
        </Typography.Text>
      </div>
      {others.map((h, i) => (
        <div key={i} style={{ fontSize: 13, marginTop: 2 }}>
          <Tag style={{ marginInlineEnd: 6 }}>{t(`search.field.${h.field}` as MessageKey)}</Tag>
          <Marked text={h.text} matches={h.matches} />
        </div>
      ))}
    </div>
  );
}

/**
 * 搜索: tickets the caller may see by number, enterprise name or credit code, and the words of the
 * title, description and replies, ranked, with the matching words marked.
 */
export function SearchPage() {
  const { t } = useI18n();
  const user = useUser();
  const narrow = !Grid.useBreakpoint().md;
  const served = useCapability('GET', SEARCH_PATH);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [status, setStatus] = useState<TicketStatus[]>([]);
  const [overdue, setOverdue] = useState(false);
  useEffect(() => setText(q), [q]);
  const [total, setTotal] = useState<{ n: number; more: boolean }>();
  const pages = useCursorPages(
    async (cursor) => {
      if (!q.trim() || !served) {
        setTotal(undefined);
        return { items: [] as SearchHit[], nextCursor: null };
      }
      const page = await deskApi.search(q.trim(), { status, overdue: overdue || undefined, cursor });
      if (!cursor) setTotal({ n: page.total, more: page.totalIsLowerBound });
      return page;
    },
    [q, status.join(), overdue, served],
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="search-page">
      <h1 className="page-title">{t('search.title')}</h1>
      {served === false && <Alert type="info" showIcon title={t('common.notAvailable')} />}
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Search
            aria-label={t('search.label')}
            placeholder={t(user.role === 'enterprise' ? 'search.placeholderMine' : 'search.placeholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
            enterButton={<SearchOutlined aria-label={t('common.search')} />}
            allowClear
            maxLength={200}
            data-testid="search-input"
          />
          <Space wrap>
            <Select
              mode="multiple"
              allowClear
              aria-label={t('tickets.filterStatus')}
              placeholder={t('tickets.filterStatus')}
              style={{ minWidth: narrow ? 200 : 260 }}
              value={status}
              onChange={setStatus}
              options={TicketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <Space size={4}>
              <Switch id="search-overdue" size="small" checked={overdue} onChange={setOverdue} />
              <label htmlFor="search-overdue">{t('tickets.overdueOnly')}</label>
            </Space>
          </Space>
        </Space>
      </Card>
      {q && (
        <Card
          size="small"
          title={total ? t(total.more ? 'search.totalMore' : 'search.total', { n: total.n, q }) : undefined}
        >
          {pages.error !== undefined && pages.rows.length === 0 ? (
            <ErrorState error={pages.error} />
          ) : (
            <>
              <div role={pages.rows.length ? 'list' : undefined} data-testid="search-results">
                {!pages.loading && !pages.rows.length && (
                  <Typography.Text type="secondary">{t('search.none', { q })}</Typography.Text>
                )}
                {pages.rows.map((h) => (
                  <Hit key={h.id} hit={h} />
                ))}
              </div>
              {pages.hasMore && (
                <div style={{ textAlign: 'center', marginTop: 12 }}>
                  <Button onClick={pages.more} loading={pages.loading}>
                    {t('common.loadMore')}
                  </Button>
                </div>
              )}
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
