import { api } from '../../api/client';
import type { Grid, Page, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../shared/use-async';
import { CrudPage } from './crud-page';

export function AdminGridsPage() {
  const { t } = useI18n();
  const instructors = useAsync(
    () => api<Page<UserView>>('/api/v1/identity/users', { query: { role: 'instructor', limit: 100 } }),
    [],
  );
  const options = (instructors.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  const name = (id: string) => options.find((o) => o.value === id)?.label ?? id.slice(0, 8);
  return (
    <CrudPage<Grid>
      testId="admin-grids"
      title="admin.grids"
      path="/api/v1/identity/grids"
      columns={[
        { key: 'code', title: t('admin.code'), dataIndex: 'code' },
        { key: 'name', title: t('admin.gridName'), dataIndex: 'name' },
        {
          key: 'instructors',
          title: t('admin.instructors'),
          render: (_, g) => g.instructorUserIds.map(name).join('、') || '—',
        },
      ]}
      fields={[
        {
          name: 'code',
          label: 'admin.code',
          required: true,
          createOnly: true,
          pattern: /^[a-z][a-z0-9_-]{1,39}$/,
          patternMessage: t('admin.gridCodeRule'),
        },
        { name: 'name', label: 'admin.gridName', required: true, max: 60 },
        { name: 'instructorUserIds', label: 'admin.instructors', kind: 'multiselect', options },
      ]}
      takenMessages={{ code: 'admin.codeTaken' }}
      toForm={(g) => ({ name: g.name, instructorUserIds: g.instructorUserIds })}
    />
  );
}
