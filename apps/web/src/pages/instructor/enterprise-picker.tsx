import { Input, Select } from 'antd';
import { api, ApiError } from '../../api/client';
import type { Enterprise, Page, TicketSummary } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../shared/use-async';

/**
 * The enterprises of the instructor's grids. Identity lists enterprises by grid; where it refuses an
 * instructor, the enterprises already seen in the grid's tickets are offered, and an id can be typed.
 */
export function EnterprisePicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const state = useAsync(async () => {
    try {
      const pages = await Promise.all(
        user.gridIds.map((gridId) =>
          api<Page<Enterprise>>('/api/v1/identity/enterprises', { query: { gridId, limit: 100 } }),
        ),
      );
      return {
        listed: true,
        options: pages
          .flatMap((p) => p.items)
          .filter((e) => e.active)
          .map((e) => ({ value: e.id, label: e.name })),
      };
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 403 && e.status !== 404)) throw e;
      const seen = await api<Page<TicketSummary>>('/api/v1/tickets', { query: { limit: 100 } }).catch(() => ({
        items: [] as TicketSummary[],
        nextCursor: null,
      }));
      const byId = new Map(seen.items.map((s) => [s.enterpriseId, s.enterpriseName]));
      return { listed: false, options: [...byId].map(([value, label]) => ({ value, label })) };
    }
  }, [user.id]);

  if (state.data && !state.data.listed && state.data.options.length === 0) {
    return (
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        placeholder={t('whistle.noGridEnterprises')}
      />
    );
  }
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={state.loading}
      placeholder={t('whistle.enterprisePlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={state.data?.options ?? []}
      notFoundContent={state.error ? t('common.error') : undefined}
    />
  );
}
