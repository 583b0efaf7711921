import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { SentVisit, VisitDraft, visitDrafts, visitOutbox } from './visit-drafts';

/** The signed-in instructor's drafts in this browser, kept current as they are saved, sent or removed. */
export function useDrafts(userId: string): VisitDraft[] | undefined {
  const [drafts, setDrafts] = useState<VisitDraft[]>();
  useEffect(() => {
    let live = true;
    const load = () =>
      visitDrafts
        .mine(userId)
        .then((d) => live && setDrafts(d))
        .catch(() => live && setDrafts([]));
    load();
    const off = visitDrafts.subscribe(load);
    return () => {
      live = false;
      off();
    };
  }, [userId]);
  return drafts;
}

/** Whether the browser says it is online, as it changes. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** The visits the outbox sent while this page was open, newest first. */
export function useSentVisits(): SentVisit[] {
  const [sent, setSent] = useState<SentVisit[]>([]);
  useEffect(() => visitOutbox.onSent((s) => setSent((all) => [s, ...all])), []);
  return sent;
}

/**
 * Visits submitted in this browser and not yet sent (no connection, or the server did not answer):
 * each with what it holds and why it waits; sent by themselves when the connection is back.
 */
export function PendingVisits({ drafts }: { drafts: VisitDraft[] }) {
  const { t, locale } = useI18n();
  const online = useOnline();
  const queued = drafts.filter((d) => d.state === 'queued');
  if (!queued.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="pending-visits"
      title={t('visit.pendingTitle', { n: queued.length })}
      description={
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {queued.map((d, i) => (
            <li
              key={d.id}
              data-testid="pending-visit"
              data-draft={d.id}
              style={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                justifyContent: 'space-between',
                gap: 8,
                padding: '8px 0',
                borderTop: i ? '1px solid rgba(0, 0, 0, 0.06)' : undefined,
              }}
            >
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text strong>{d.values.enterpriseName ?? '—'}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(d.values.visitedAt, locale)} ·{' '}
                  {t('visit.pendingHolds', {
                    problems: d.values.problems.length,
                    needs: d.values.needs.length,
                    photos: d.photos.length,
                  })}
                </Typography.Text>
                <Typography.Text style={{ fontSize: 12 }} data-testid="pending-why">
                  {!online
                    ? t('visit.waitingNetwork')
                    : d.lastError
                      ? t('visit.retrying', { n: d.attempts })
                      : t('visit.sending')}
                </Typography.Text>
              </Space>
              {online && (
                <Button
                  size="small"
                  icon={<CloudUploadOutlined aria-hidden />}
                  onClick={() => void visitOutbox.flush()}
                >
                  {t('visit.sendNow')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** What the outbox sent while the page was open, each with a link to its record. */
export function SentVisits({ sent }: { sent: SentVisit[] }) {
  const { t } = useI18n();
  if (!sent.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {sent.map((s) => (
        <Alert
          key={s.draftId}
          type="success"
          showIcon
          role="status"
          data-testid="visit-sent"
          title={t('visit.sent', { enterprise: s.enterpriseName ?? '' })}
          description={
            <Link to={`/visits/${s.visit.id}`} data-testid="visit-sent-link">
              {t('visit.viewRecord')}
            </Link>
          }
        />
      ))}
    </Space>
  );
}
