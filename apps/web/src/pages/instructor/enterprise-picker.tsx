import { Select } from 'antd';
import { api } from '../../api/client';
import type { Enterprise, Page } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../shared/use-async';

const PAGE = 100;

/** Every active enterprise of the instructor's grids; identity scopes the list to the grids in the token. */
async function gridEnterprises(): Promise<Enterprise[]> {
  const all: Enterprise[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Enterprise> = await api<Page<Enterprise>>('/api/v1/identity/enterprises', {
      query: { limit: PAGE, cursor },
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all.filter((e) => e.active);
}

export function EnterprisePicker({
  id,
  value,
  onChange,
  onPicked,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  /** The enterprise chosen, with its profile (its contacts fill the form's contact). */
  onPicked?: (e: Enterprise) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const state = useAsync(gridEnterprises, [user.id]);
  const options = (state.data ?? []).map((e) => ({ value: e.id, label: e.name }));

  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string) => {
        onChange?.(v);
        const picked = state.data?.find((e) => e.id === v);
        if (picked) onPicked?.(picked);
      }}
      loading={state.loading}
      placeholder={t('whistle.enterprisePlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      notFoundContent={
        state.error ? t('common.error') : state.loading ? undefined : t('whistle.noGridEnterprises')
      }
    />
  );
}
