import { App, Button, Form, Input, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { FormModal } from '../../shared/form-modal';
import { formatDateTime } from '../../shared/format';
import { problemMessage } from '../../shared/problems';
import { AsyncView, EmptyState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

type Status = 'pending' | 'approved' | 'rejected';

interface Registration {
  id: string;
  enterpriseName: string;
  creditCode: string;
  contactName: string;
  phone: string;
  username: string;
  status: Status;
  reason: string | null;
  decidedAt: string | null;
  submittedAt: string;
}

const PATH = '/api/v1/identity/registrations';
const COLORS: Record<Status, string> = { pending: 'blue', approved: 'green', rejected: 'default' };

/** 注册审核: the committee and the admin approve or reject enterprises' applications. */
export function RegistrationsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('pending');
  const state = useAsync(() => api<Page<Registration>>(PATH, { query: { status, limit: 100 } }), [status]);
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();

  const approve = async (r: Registration) => {
    setBusy(r.id);
    try {
      await api(`${PATH}/${r.id}/approve`, { method: 'POST' });
      message.success(t('registrations.approvedMessage'));
      state.reload();
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  const reject = async () => {
    if (!rejecting) return;
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the form shows what is missing under the field
    }
    setBusy(rejecting.id);
    setProblem(undefined);
    try {
      await api(`${PATH}/${rejecting.id}/reject`, { method: 'POST', body: { reason } });
      message.success(t('registrations.rejectedMessage'));
      setRejecting(null);
      form.resetFields();
      state.reload();
    } catch (e) {
      setProblem(problemMessage(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div data-testid="registrations">
      <h1 className="page-title">{t('registrations.title')}</h1>
      <Radio.Group
        value={status}
        onChange={(e) => setStatus(e.target.value as Status)}
        optionType="button"
        style={{ margin: '12px 0' }}
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`registrations.${s}` as MessageKey),
        }))}
      />
      <AsyncView state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState text={status === 'pending' ? t('registrations.empty') : undefined} />
          ) : (
            <Table<Registration>
              rowKey="id"
              size="middle"
              dataSource={page.items}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'name', title: t('register.enterpriseName'), dataIndex: 'enterpriseName' },
                { key: 'code', title: t('register.creditCode'), dataIndex: 'creditCode' },
                {
                  key: 'contact',
                  title: t('register.contactName'),
                  render: (_, r) => `${r.contactName} ${r.phone}`,
                },
                { key: 'username', title: t('register.username'), dataIndex: 'username' },
                {
                  key: 'submittedAt',
                  title: t('registrations.submittedAt'),
                  render: (_, r) => formatDateTime(r.submittedAt, locale),
                },
                {
                  key: 'status',
                  title: t('registrations.status'),
                  render: (_, r) => (
                    <Tag color={COLORS[r.status]}>{t(`registrations.${r.status}` as MessageKey)}</Tag>
                  ),
                },
                ...(status === 'pending'
                  ? [
                      {
                        key: 'actions',
                        title: t('common.actions'),
                        render: (_: unknown, r: Registration) => (
                          <Space>
                            <Popconfirm
                              title={t('registrations.approveConfirm')}
                              onConfirm={() => approve(r)}
                              okText={t('registrations.approve')}
                              cancelText={t('common.cancel')}
                            >
                              <Button size="small" type="primary" loading={busy === r.id}>
                                {t('registrations.approve')}
                              </Button>
                            </Popconfirm>
                            <Button
                              size="small"
                              danger
                              onClick={() => setRejecting(r)}
                              disabled={busy === r.id}
                            >
                              {t('registrations.reject')}
                            </Button>
                          </Space>
                        ),
                      },
                    ]
                  : [
                      {
                        key: 'decidedAt',
                        title: t('registrations.decidedAt'),
                        render: (_: unknown, r: Registration) => formatDateTime(r.decidedAt, locale),
                      },
                      {
                        key: 'reason',
                        title: t('registrations.reason'),
                        render: (_: unknown, r: Registration) => r.reason ?? '—',
                      },
                    ]),
              ]}
            />
          )
        }
      </AsyncView>
      <FormModal
        open={rejecting !== null}
        title={`${t('registrations.rejectTitle')}：${rejecting?.enterpriseName ?? ''}`}
        okText={t('registrations.reject')}
        busy={busy !== undefined}
        problem={problem}
        onOk={reject}
        onCancel={() => setRejecting(null)}
      >
        <Form form={form} layout="vertical" name="reject-registration">
          <Form.Item
            name="reason"
            label={t('registrations.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('registrations.reason') }),
              },
              {
                min: 2,
                max: 200,
                message: t('common.maxLength', { field: t('registrations.reason'), max: 200 }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
