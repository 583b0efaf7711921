import type { Enterprise } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { ActiveTag, CrudPage } from './crud-page';

export function AdminEnterprisesPage() {
  const { t } = useI18n();
  const { grids, gridName } = useDirectory();
  return (
    <CrudPage<Enterprise>
      testId="admin-enterprises"
      title="admin.enterprises"
      path="/api/v1/identity/enterprises"
      columns={[
        { key: 'name', title: t('admin.enterpriseName'), dataIndex: 'name' },
        { key: 'code', title: t('admin.creditCode'), dataIndex: 'creditCode' },
        { key: 'industry', title: t('admin.industry'), dataIndex: 'industry' },
        { key: 'grid', title: t('admin.grid'), render: (_, e) => gridName(e.gridId) },
        {
          key: 'contact',
          title: t('ticket.contact'),
          render: (_, e) => e.contacts.map((c) => `${c.name} ${c.phone ?? ''}`).join('；') || '—',
        },
        { key: 'active', title: t('common.active'), render: (_, e) => <ActiveTag active={e.active} /> },
      ]}
      fields={[
        { name: 'name', label: 'admin.enterpriseName', required: true },
        {
          name: 'creditCode',
          label: 'admin.creditCode',
          required: true,
          pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i,
          patternMessage: '18',
        },
        { name: 'industry', label: 'admin.industry' },
        { name: 'address', label: 'admin.address' },
        {
          name: 'gridId',
          label: 'admin.grid',
          kind: 'select',
          options: grids.map((g) => ({ value: g.id, label: g.name })),
        },
        { name: 'active', label: 'common.active', kind: 'switch' },
      ]}
      toForm={(e) => ({
        name: e.name,
        creditCode: e.creditCode,
        industry: e.industry ?? undefined,
        address: e.address ?? undefined,
        gridId: e.gridId ?? undefined,
        active: e.active,
      })}
    />
  );
}
