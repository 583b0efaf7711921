import { Button, Empty, Result, Spin } from 'antd';
import { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { AsyncState } from './use-async';
import { problemMessage } from './problems';

export function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.45)' }}>{t('common.loading')}</div>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const missing =
    error instanceof ApiError && error.status === 404 && error.code === 'notFound' && !error.detail;
  return (
    <Result
      status="warning"
      title={missing ? t('common.notAvailable') : t('common.error')}
      subTitle={problemMessage(error, t)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

export function EmptyState({ text }: { text?: string }) {
  const { t } = useI18n();
  return <Empty description={text ?? t('common.empty')} />;
}

/** Loading, then the error with a retry, then the content. */
export function AsyncView<T>({
  state,
  children,
}: {
  state: AsyncState<T>;
  children: (data: T) => ReactNode;
}) {
  if (state.loading && state.data === undefined) return <Loading />;
  if (state.error !== undefined && state.data === undefined)
    return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
