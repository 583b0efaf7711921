import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { FormModal } from '../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { allPages, CN_PHONE, LIMITS, OUTREACH, OutreachEnterprise } from '../outreach/outreach-api';

interface LiaisonForm {
  keyEnterprise: boolean;
  instructorUserIds: string[];
  leader: { name?: string; title?: string; phone?: string };
  department: { departmentId?: string; contactName?: string; contactPhone?: string };
}

async function load(): Promise<{ enterprises: OutreachEnterprise[]; instructors: UserView[] }> {
  const [enterprises, instructors] = await Promise.all([
    allPages((cursor) =>
      api<Page<OutreachEnterprise>>(`${OUTREACH}/enterprises`, { query: { limit: 100, cursor } }),
    ),
    allPages((cursor) =>
      api<Page<UserView>>('/api/v1/identity/users', { query: { role: 'instructor', limit: 100, cursor } }),
    ),
  ]);
  return { enterprises, instructors };
}

const text = (s?: string) => (s ?? '').trim();

/**
 * 联系人 (联系制度): for each enterprise, who deals with it — its instructors (of its grid), a
 * committee leader and a department liaison, with their phones — and whether it is a 重点企业
 * (on the task list every month).
 */
export function LiaisonsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { departments, departmentName, gridName } = useDirectory();
  const state = useAsync(load, []);
  const [keyOnly, setKeyOnly] = useState(false);
  const [grid, setGrid] = useState<string>();
  const [editing, setEditing] = useState<OutreachEnterprise | null>(null);
  const [form] = Form.useForm<LiaisonForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const labels = {
    keyEnterprise: t('liaisons.key'),
    instructorUserIds: t('liaisons.instructors'),
    'leader.name': t('liaisons.leaderName'),
    'leader.title': t('liaisons.leaderTitle'),
    'leader.phone': t('liaisons.leaderPhone'),
    'department.departmentId': t('liaisons.department'),
    'department.contactName': t('liaisons.contactName'),
    'department.contactPhone': t('liaisons.contactPhone'),
  };

  const open = (e: OutreachEnterprise) => {
    setProblem(undefined);
    form.resetFields();
    form.setFieldsValue({
      keyEnterprise: e.keyEnterprise,
      instructorUserIds: e.instructors.map((i) => i.id),
      leader: { name: e.leader?.name ?? '', title: e.leader?.title ?? '', phone: e.leader?.phone ?? '' },
      department: {
        departmentId: e.department?.id,
        contactName: e.department?.contactName ?? '',
        contactPhone: e.department?.contactPhone ?? '',
      },
    });
    setEditing(e);
  };

  const save = async () => {
    if (!editing) return;
    let v: LiaisonForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const leaderName = text(v.leader?.name);
      await api(`${OUTREACH}/enterprises/${encodeURIComponent(editing.enterpriseId)}/liaisons`, {
        method: 'PUT',
        body: {
          expectedVersion: editing.version,
          keyEnterprise: v.keyEnterprise,
          instructorUserIds: v.instructorUserIds ?? [],
          leader: leaderName
            ? { name: leaderName, title: text(v.leader.title) || null, phone: text(v.leader.phone) || null }
            : null,
          department: v.department?.departmentId
            ? {
                departmentId: v.department.departmentId,
                contactName: text(v.department.contactName) || null,
                contactPhone: text(v.department.contactPhone) || null,
              }
            : null,
        },
      });
      message.success(t('common.saved'));
      setEditing(null);
      state.reload();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const instructorsOf = useMemo(
    () => (gridId: string | null) =>
      (state.data?.instructors ?? []).filter((u) => u.active && gridId && u.gridIds.includes(gridId)),
    [state.data],
  );
  const phoneRule = { pattern: CN_PHONE, message: t('whistle.phoneInvalid') };

  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="liaisons"
      title={<h1 className="page-title">{t('nav.liaisons')}</h1>}
    >
      <Typography.Paragraph type="secondary">{t('liaisons.intro')}</Typography.Paragraph>
      <AsyncView state={state}>
        {({ enterprises }) => {
          const grids = [...new Set(enterprises.map((e) => e.gridId).filter((g): g is string => !!g))];
          const rows = enterprises.filter(
            (e) => (!keyOnly || e.keyEnterprise) && (!grid || e.gridId === grid),
          );
          return (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  aria-label={t('liaisons.filterGrid')}
                  placeholder={t('liaisons.filterGrid')}
                  style={{ minWidth: 160 }}
                  value={grid}
                  onChange={setGrid}
                  options={grids.map((g) => ({
                    value: g,
                    label: enterprises.find((e) => e.gridId === g)?.gridName ?? gridName(g),
                  }))}
                />
                <Space size={4}>
                  <Switch id="liaisons-key-only" size="small" checked={keyOnly} onChange={setKeyOnly} />
                  <label htmlFor="liaisons-key-only">{t('liaisons.keyOnly')}</label>
                </Space>
              </Space>
              <Table<OutreachEnterprise>
                rowKey="enterpriseId"
                size="small"
                dataSource={rows}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: 1000 }}
                onRow={(e) => ({ 'data-enterprise': e.enterpriseId }) as never}
                columns={[
                  {
                    key: 'name',
                    title: t('visit.enterprise'),
                    width: 220,
                    render: (_, e) => (
                      <Space wrap size={4}>
                        <Link to={`/enterprises/${e.enterpriseId}/file`}>{e.enterpriseName}</Link>
                        {e.keyEnterprise && <Tag color="volcano">{t('liaisons.key')}</Tag>}
                      </Space>
                    ),
                  },
                  {
                    key: 'grid',
                    title: t('file.grid'),
                    width: 100,
                    render: (_, e) => e.gridName ?? gridName(e.gridId),
                  },
                  {
                    key: 'instructors',
                    title: t('liaisons.instructors'),
                    width: 140,
                    render: (_, e) => e.instructors.map((i) => i.name ?? i.id).join('、') || '—',
                  },
                  {
                    key: 'leader',
                    title: t('liaisons.leader'),
                    width: 200,
                    render: (_, e) =>
                      e.leader
                        ? [e.leader.name, e.leader.title, e.leader.phone].filter(Boolean).join(' · ')
                        : '—',
                  },
                  {
                    key: 'department',
                    title: t('liaisons.department'),
                    width: 220,
                    render: (_, e) =>
                      e.department
                        ? [
                            e.department.name ?? departmentName(e.department.id),
                            e.department.contactName,
                            e.department.contactPhone,
                          ]
                            .filter(Boolean)
                            .join(' · ')
                        : '—',
                  },
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 80,
                    render: (_, e) => (
                      <Button
                        size="small"
                        onClick={() => open(e)}
                        aria-label={t('liaisons.editFor', { name: e.enterpriseName })}
                      >
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          );
        }}
      </AsyncView>
      <FormModal
        open={!!editing}
        title={editing ? t('liaisons.editTitle', { name: editing.enterpriseName }) : ''}
        busy={busy}
        problem={problem}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
      >
        <Form<LiaisonForm> form={form} layout="vertical" name="liaisons">
          <Form.Item
            label={labels.keyEnterprise}
            name="keyEnterprise"
            valuePropName="checked"
            extra={t('liaisons.keyHelp')}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            label={labels.instructorUserIds}
            name="instructorUserIds"
            rules={[
              {
                validator: (_, v: string[] = []) =>
                  v.length > LIMITS.instructors
                    ? Promise.reject(
                        new Error(
                          t('visit.tooMany', { field: labels.instructorUserIds, max: LIMITS.instructors }),
                        ),
                      )
                    : Promise.resolve(),
              },
            ]}
          >
            <Select
              mode="multiple"
              options={instructorsOf(editing?.gridId ?? null).map((u) => ({
                value: u.id,
                label: u.displayName,
              }))}
              notFoundContent={t('liaisons.noGridInstructors')}
            />
          </Form.Item>
          <Typography.Text strong>{t('liaisons.leader')}</Typography.Text>
          <Space wrap style={{ width: '100%' }} align="start">
            <Form.Item
              label={labels['leader.name']}
              name={['leader', 'name']}
              dependencies={[
                ['leader', 'title'],
                ['leader', 'phone'],
              ]}
              rules={[
                {
                  max: LIMITS.leaderName,
                  message: t('common.maxLength', { field: labels['leader.name'], max: LIMITS.leaderName }),
                },
                ({ getFieldValue }) => ({
                  validator: (_, v?: string) =>
                    !text(v) &&
                    (text(getFieldValue(['leader', 'title'])) || text(getFieldValue(['leader', 'phone'])))
                      ? Promise.reject(new Error(t('common.requiredField', { field: labels['leader.name'] })))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={labels['leader.title']}
              name={['leader', 'title']}
              rules={[
                {
                  max: LIMITS.leaderTitle,
                  message: t('common.maxLength', { field: labels['leader.title'], max: LIMITS.leaderTitle }),
                },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item label={labels['leader.phone']} name={['leader', 'phone']} rules={[phoneRule]}>
              <Input inputMode="tel" />
            </Form.Item>
          </Space>
          <Typography.Text strong>{t('liaisons.department')}</Typography.Text>
          <Space wrap style={{ width: '100%' }} align="start">
            <Form.Item
              label={labels['department.departmentId']}
              name={['department', 'departmentId']}
              dependencies={[
                ['department', 'contactName'],
                ['department', 'contactPhone'],
              ]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v?: string) =>
                    !v &&
                    (text(getFieldValue(['department', 'contactName'])) ||
                      text(getFieldValue(['department', 'contactPhone'])))
                      ? Promise.reject(
                          new Error(t('common.chooseField', { field: labels['department.departmentId'] })),
                        )
                      : Promise.resolve(),
                }),
              ]}
            >
              <Select
                allowClear
                style={{ minWidth: 160 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={departments.map((d) => ({ value: d.id, label: departmentName(d.id) }))}
              />
            </Form.Item>
            <Form.Item
              label={labels['department.contactName']}
              name={['department', 'contactName']}
              rules={[
                {
                  max: LIMITS.contactName,
                  message: t('common.maxLength', {
                    field: labels['department.contactName'],
                    max: LIMITS.contactName,
                  }),
                },
              ]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={labels['department.contactPhone']}
              name={['department', 'contactPhone']}
              rules={[phoneRule]}
            >
              <Input inputMode="tel" />
            </Form.Item>
          </Space>
        </Form>
      </FormModal>
    </Card>
  );
}
