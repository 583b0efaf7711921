import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Page, TicketStatus, TicketSummary } from '../../api/types';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useDirectory } from '../../shared/directory';
import { formatDateTime } from '../../shared/format';
import { StatusTag } from '../../shared/tags';
import { AddNeedModal, UpdateNeedModal } from '../outreach/need-forms';
import { allPages, Need, OUTREACH, OutreachEnterprise, VisitSummary } from '../outreach/outreach-api';
import { FromVisitTag, NeedStatusTag, SectionTitle, VisitModeText } from '../outreach/outreach-words';

export interface FileOutreach {
  liaisons: OutreachEnterprise;
  visits: VisitSummary[];
  needs: Need[];
  tickets: (TicketSummary & { channel?: string; visitId?: string | null })[];
}

/** What the outreach and ticket services hold on one enterprise, for its file; a 404 when it is not the caller's. */
export async function loadFileOutreach(enterpriseId: string, ownFile: boolean): Promise<FileOutreach> {
  const id = encodeURIComponent(enterpriseId);
  const liaisons = await api<OutreachEnterprise>(`${OUTREACH}/enterprises/${id}/liaisons`);
  const [visits, needs, tickets] = await Promise.all([
    allPages((cursor) =>
      api<Page<VisitSummary>>(`${OUTREACH}/visits`, { query: { enterpriseId, limit: 100, cursor } }),
    ),
    allPages((cursor) =>
      api<Page<Need>>(`${OUTREACH}/needs`, { query: { enterpriseId, limit: 100, cursor } }),
    ),
    // The enterprise's own list is its own already; staff name the enterprise.
    api<Page<FileOutreach['tickets'][number]>>('/api/v1/tickets', {
      query: ownFile ? { limit: 100 } : { enterpriseId, limit: 100 },
    }).then((p) => p.items),
  ]);
  return { liaisons, visits, needs, tickets };
}

/** 联系人: who to call about this enterprise — its instructors, the committee leader, the department liaison. */
export function LiaisonsCard({ l }: { l: OutreachEnterprise }) {
  const { t } = useI18n();
  const { departmentName } = useDirectory();
  const phone = (p: string | null) =>
    p ? (
      <a href={`tel:${p}`}>
        <PhoneOutlined aria-hidden /> {p}
      </a>
    ) : null;
  const none = !l.instructors.length && !l.leader && !l.department;
  return (
    <Card
      size="small"
      data-testid="file-liaisons"
      title={<SectionTitle>{t('liaisons.cardTitle')}</SectionTitle>}
      extra={l.keyEnterprise ? <Tag color="volcano">{t('liaisons.key')}</Tag> : null}
    >
      {none ? (
        <Typography.Text type="secondary">{t('liaisons.none')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'instructors',
              label: t('liaisons.instructors'),
              children: l.instructors.length ? l.instructors.map((i) => i.name ?? i.id).join('、') : '—',
            },
            {
              key: 'leader',
              label: t('liaisons.leader'),
              children: l.leader ? (
                <Space wrap size={4}>
                  <span>{[l.leader.name, l.leader.title].filter(Boolean).join(' · ')}</span>
                  {phone(l.leader.phone)}
                </Space>
              ) : (
                '—'
              ),
            },
            {
              key: 'department',
              label: t('liaisons.department'),
              children: l.department ? (
                <Space wrap size={4}>
                  <span>
                    {[l.department.name ?? departmentName(l.department.id), l.department.contactName]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {phone(l.department.contactPhone)}
                </Space>
              ) : (
                '—'
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

type Entry =
  | { kind: 'visit'; at: string; visit: VisitSummary }
  | { kind: 'need'; at: string; need: Need }
  | { kind: 'ticket'; at: string; ticket: FileOutreach['tickets'][number] };

/**
 * The enterprise's history on one line, newest first: visits (what the instructor recorded; the
 * enterprise sees no internal notes), needs and tickets, each opening its own page.
 */
export function FileTimeline({ data }: { data: FileOutreach }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const entries: Entry[] = [
    ...data.visits.map((v) => ({ kind: 'visit' as const, at: v.visitedAt, visit: v })),
    ...data.needs.map((n) => ({ kind: 'need' as const, at: n.createdAt, need: n })),
    ...data.tickets.map((x) => ({ kind: 'ticket' as const, at: x.submittedAt, ticket: x })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const mayOpenVisit = (v: VisitSummary) => user.role !== 'instructor' || v.instructor.id === user.id;
  return (
    <Card size="small" data-testid="file-timeline" title={<SectionTitle>{t('file.timeline')}</SectionTitle>}>
      {entries.length === 0 ? (
        <Empty description={t('file.timelineEmpty')} />
      ) : (
        <Timeline
          items={entries.map((e) => {
            const when = (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(e.at, locale)}
              </Typography.Text>
            );
            if (e.kind === 'visit') {
              const v = e.visit;
              return {
                key: `v-${v.id}`,
                color: 'purple',
                content: (
                  <div data-testid="timeline-entry" data-kind="visit" data-id={v.id}>
                    <Space wrap size={4}>
                      <Tag color="purple">{t('file.entry.visit')}</Tag>
                      {mayOpenVisit(v) ? (
                        <Link to={`/visits/${v.id}`}>{t('visit.recordTitle')}</Link>
                      ) : (
                        <span>{t('visit.recordTitle')}</span>
                      )}
                      <span>{t('file.visitBy', { name: v.instructor.name })}</span>
                      {when}
                    </Space>
                    <div style={{ fontSize: 12 }}>
                      <VisitModeText mode={v.mode} /> ·{' '}
                      {t('visit.counts', {
                        problems: v.problemCount,
                        tickets: v.ticketCount,
                        needs: v.needCount,
                      })}
                    </div>
                  </div>
                ),
              };
            }
            if (e.kind === 'need') {
              const n = e.need;
              return {
                key: `n-${n.id}`,
                color: 'orange',
                content: (
                  <div data-testid="timeline-entry" data-kind="need" data-id={n.id}>
                    <Space wrap size={4}>
                      <Tag color="orange">{t('file.entry.need')}</Tag>
                      <span>{n.title}</span>
                      <NeedStatusTag status={n.status} />
                      {when}
                    </Space>
                    <div style={{ fontSize: 12 }}>{t(`need.kind.${n.kind}` as MessageKey)}</div>
                  </div>
                ),
              };
            }
            const x = e.ticket;
            return {
              key: `t-${x.id}`,
              color: 'blue',
              content: (
                <div data-testid="timeline-entry" data-kind="ticket" data-id={x.id}>
                  <Space wrap size={4}>
                    <Tag color="blue">{t('file.entry.ticket')}</Tag>
                    <Link to={`/tickets/${x.id}`}>{x.number}</Link>
                    <span>{x.title}</span>
                    <StatusTag status={x.status as TicketStatus} />
                    {x.channel === 'visit' && <FromVisitTag />}
                    {when}
                  </Space>
                </div>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

/** The enterprise's needs (需求清单), with adding one (the enterprise, its instructor, the committee) and moving one on. */
export function FileNeeds({
  enterpriseId,
  needs,
  onChanged,
}: {
  enterpriseId: string;
  needs: Need[];
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  const user = useUser();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Need | null>(null);
  return (
    <Card
      size="small"
      data-testid="file-needs"
      title={<SectionTitle>{t('nav.needs')}</SectionTitle>}
      extra={
        <Button
          size="small"
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setAdding(true)}
        >
          {t('need.add')}
        </Button>
      }
    >
      {needs.length === 0 ? (
        <Typography.Text type="secondary">{t('need.empty')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {needs.map((n) => (
            <div
              key={n.id}
              data-testid="file-need"
              data-need={n.id}
              style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
            >
              <Space wrap size={4}>
                <Tag>{t(`need.kind.${n.kind}` as MessageKey)}</Tag>
                <Typography.Text strong>{n.title}</Typography.Text>
                <NeedStatusTag status={n.status} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt, locale)}
                </Typography.Text>
                {(n.status === 'open' || n.status === 'in_progress') && (
                  <Button
                    size="small"
                    onClick={() => setEditing(n)}
                    aria-label={t(user.role === 'enterprise' ? 'need.closeOf' : 'need.updateOf', {
                      title: n.title,
                    })}
                  >
                    {user.role === 'enterprise' ? t('need.closeShort') : t('need.updateShort')}
                  </Button>
                )}
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {n.description}
              </Typography.Paragraph>
            </div>
          ))}
        </Space>
      )}
      <AddNeedModal
        open={adding}
        fixedEnterpriseId={enterpriseId}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          onChanged();
        }}
      />
      <UpdateNeedModal
        need={editing}
        onClose={() => setEditing(null)}
        onUpdated={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </Card>
  );
}
