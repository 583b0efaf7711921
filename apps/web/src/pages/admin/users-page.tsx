import { Tag } from 'antd';
import type { Role, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { EnterpriseSelect, useAdminDirectory, useEnterpriseNames } from './admin-lists';
import { ActiveTag, CrudPage, PHONE } from './crud-page';
import { ResetLinkButton } from './reset-link-button';

const ROLES: Role[] = ['enterprise', 'instructor', 'department', 'committee', 'admin'];
const roleIs = (role: Role) => (v: Record<string, unknown>) => v.role === role;

export function AdminUsersPage() {
  const { t } = useI18n();
  const { departmentOptions, departmentName, gridOptions, gridName } = useAdminDirectory();
  const enterprises = useEnterpriseNames();
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
          title: t('admin.scope'),
          render: (_, u) =>
            u.enterpriseId
              ? enterprises.name(u.enterpriseId)
              : u.departmentId
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
          patternMessage: t('admin.usernameRule'),
        },
        { name: 'displayName', label: 'admin.displayName', required: true, max: 60 },
        {
          name: 'role',
          label: 'admin.role',
          kind: 'select',
          required: true,
          options: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
        },
        {
          name: 'enterpriseId',
          label: 'admin.enterprise',
          kind: 'custom',
          required: true,
          when: roleIs('enterprise'),
          render: () => <EnterpriseSelect known={enterprises.items} />,
        },
        {
          name: 'departmentId',
          label: 'admin.department',
          kind: 'select',
          required: true,
          when: roleIs('department'),
          options: departmentOptions,
        },
        {
          name: 'gridIds',
          label: 'admin.gridsField',
          kind: 'multiselect',
          required: true,
          when: roleIs('instructor'),
          options: gridOptions,
        },
        {
          name: 'mobile',
          label: 'admin.mobile',
          rules: [{ pattern: PHONE, message: t('whistle.phoneInvalid') }],
        },
        { name: 'email', label: 'admin.email', rules: [{ type: 'email', message: t('admin.emailInvalid') }] },
        {
          name: 'initialPassword',
          label: 'admin.initialPassword',
          kind: 'password',
          required: true,
          createOnly: true,
          extra: t('admin.passwordRule'),
          rules: [
            { min: 8, message: t('admin.passwordTooShort') },
            { max: 128, message: t('common.maxLength', { field: t('admin.initialPassword'), max: 128 }) },
            { pattern: /[A-Za-z]/, message: t('admin.passwordNeedsLetter') },
            { pattern: /\d/, message: t('admin.passwordNeedsDigit') },
          ],
        },
        { name: 'active', label: 'common.active', kind: 'switch', editOnly: true },
      ]}
      takenMessages={{ username: 'admin.usernameTaken' }}
      rowActions={(u) => <ResetLinkButton userId={u.id} />}
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
