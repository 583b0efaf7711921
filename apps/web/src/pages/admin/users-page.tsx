import { Tag } from 'antd';
import type { Role, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { ActiveTag, CrudPage } from './crud-page';

const ROLES: Role[] = ['enterprise', 'instructor', 'department', 'committee', 'admin'];

export function AdminUsersPage() {
  const { t } = useI18n();
  const { departments, departmentName, grids, gridName } = useDirectory();
  return (
    <CrudPage<UserView>
      testId="admin-users"
      title="admin.users"
      path="/api/v1/identity/users"
      columns={[
        { key: 'username', title: t('admin.username'), dataIndex: 'username' },
        { key: 'name', title: t('admin.displayName'), dataIndex: 'displayName' },
        { key: 'role', title: t('admin.role'), render: (_, u) => <Tag>{t(`role.${u.role}`)}</Tag> },
        {
          key: 'scope',
          title: `${t('admin.department')} / ${t('admin.gridsField')}`,
          render: (_, u) =>
            u.departmentId
              ? departmentName(u.departmentId)
              : u.gridIds.length
                ? u.gridIds.map(gridName).join('、')
                : '—',
        },
        { key: 'mobile', title: t('admin.mobile'), dataIndex: 'mobile' },
        { key: 'active', title: t('common.active'), render: (_, u) => <ActiveTag active={u.active} /> },
      ]}
      fields={[
        {
          name: 'username',
          label: 'admin.username',
          required: true,
          createOnly: true,
          pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/,
          patternMessage: 'a-z 0-9 . _ - (3-32)',
        },
        { name: 'displayName', label: 'admin.displayName', required: true },
        {
          name: 'role',
          label: 'admin.role',
          kind: 'select',
          required: true,
          options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
        },
        { name: 'enterpriseId', label: 'admin.enterprise' },
        {
          name: 'departmentId',
          label: 'admin.department',
          kind: 'select',
          options: departments.map((d) => ({ value: d.id, label: departmentName(d.id) })),
        },
        {
          name: 'gridIds',
          label: 'admin.gridsField',
          kind: 'multiselect',
          options: grids.map((g) => ({ value: g.id, label: g.name })),
        },
        { name: 'mobile', label: 'admin.mobile' },
        { name: 'email', label: 'admin.email' },
        {
          name: 'initialPassword',
          label: 'admin.initialPassword',
          kind: 'password',
          required: true,
          createOnly: true,
        },
        { name: 'active', label: 'common.active', kind: 'switch' },
      ]}
      toForm={(u) => ({
        displayName: u.displayName,
        role: u.role,
        enterpriseId: u.enterpriseId ?? undefined,
        departmentId: u.departmentId ?? undefined,
        gridIds: u.gridIds,
        mobile: u.mobile ?? undefined,
        email: u.email ?? undefined,
        active: u.active,
      })}
    />
  );
}
