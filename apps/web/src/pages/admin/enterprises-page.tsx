import type { Enterprise } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useAdminDirectory } from './admin-lists';
import { ActiveTag, CrudPage, PHONE } from './crud-page';
import { isCreditCode } from './credit-code';

export function AdminEnterprisesPage() {
  const { t } = useI18n();
  const { gridOptions, gridName } = useAdminDirectory();
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
        {
          name: 'name',
          label: 'admin.enterpriseName',
          required: true,
          rules: [
            { min: 2, message: t('admin.nameTooShort', { field: t('admin.enterpriseName'), min: 2 }) },
            { max: 100, message: t('common.maxLength', { field: t('admin.enterpriseName'), max: 100 }) },
          ],
        },
        {
          name: 'creditCode',
          label: 'admin.creditCode',
          required: true,
          extra: t('admin.creditCodeHelp'),
          rules: [
            {
              validator: (_, v: string | undefined) =>
                !v || isCreditCode(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.creditCodeInvalid'))),
            },
          ],
        },
        { name: 'industry', label: 'admin.industry', max: 40 },
        { name: 'address', label: 'admin.address', max: 200 },
        { name: 'gridId', label: 'admin.grid', kind: 'select', options: gridOptions },
        {
          name: 'contactName',
          label: 'admin.contactName',
          serverFields: ['contacts', 'contacts.0.name'],
          // A phone typed after a save was refused still asks for the name, and the other way round.
          dependencies: ['contactPhone'],
          rules: [
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v?.trim() || !getFieldValue('contactPhone')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('common.requiredField', { field: t('admin.contactName') }))),
            }),
          ],
        },
        {
          name: 'contactPhone',
          label: 'admin.contactPhone',
          serverFields: ['contacts.0.phone'],
          dependencies: ['contactName'],
          rules: [
            { pattern: PHONE, message: t('whistle.phoneInvalid') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                v?.trim() || !getFieldValue('contactName')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('common.requiredField', { field: t('admin.contactPhone') }))),
            }),
          ],
        },
        { name: 'active', label: 'common.active', kind: 'switch', editOnly: true },
      ]}
      takenMessages={{ creditCode: 'admin.creditCodeTaken' }}
      toForm={(e) => ({
        name: e.name,
        creditCode: e.creditCode,
        industry: e.industry ?? undefined,
        address: e.address ?? undefined,
        gridId: e.gridId ?? undefined,
        contactName: e.contacts[0]?.name,
        contactPhone: e.contacts[0]?.phone ?? undefined,
        active: e.active,
      })}
      toBody={({ contactName, contactPhone, ...rest }, row) => {
        // The form edits the first contact person; any others are kept as they are.
        const others = row?.contacts.slice(1) ?? [];
        const first =
          typeof contactName === 'string' && typeof contactPhone === 'string'
            ? [
                {
                  name: contactName,
                  phone: contactPhone,
                  ...(row?.contacts[0]?.email ? { email: row.contacts[0].email } : {}),
                },
              ]
            : [];
        const changed = !row || contactName !== undefined || contactPhone !== undefined;
        return changed ? { ...rest, contacts: [...first, ...others] } : rest;
      }}
    />
  );
}
