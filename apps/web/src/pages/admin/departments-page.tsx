import type { Department } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActiveTag, CrudPage } from './crud-page';

export function AdminDepartmentsPage() {
  const { t } = useI18n();
  return (
    <CrudPage<Department>
      testId="admin-departments"
      title="admin.departments"
      path="/api/v1/identity/departments"
      columns={[
        { key: 'code', title: t('admin.code'), dataIndex: 'code' },
        { key: 'zh', title: t('admin.nameZh'), dataIndex: 'nameZh' },
        { key: 'en', title: t('admin.nameEn'), dataIndex: 'nameEn' },
        { key: 'active', title: t('common.active'), render: (_, d) => <ActiveTag active={d.active} /> },
      ]}
      fields={[
        {
          name: 'code',
          label: 'admin.code',
          required: true,
          createOnly: true,
          pattern: /^[a-z][a-z0-9_]{1,39}$/,
          patternMessage: t('admin.departmentCodeRule'),
          extra: t('admin.departmentCodeHelp'),
        },
        { name: 'nameZh', label: 'admin.nameZh', required: true, max: 60 },
        { name: 'nameEn', label: 'admin.nameEn', max: 120 },
        { name: 'active', label: 'common.active', kind: 'switch', editOnly: true },
      ]}
      takenMessages={{ code: 'admin.codeTaken' }}
      toForm={(d) => ({ nameZh: d.nameZh, nameEn: d.nameEn ?? undefined, active: d.active })}
    />
  );
}
