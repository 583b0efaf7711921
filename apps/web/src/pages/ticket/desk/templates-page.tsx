import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { useCapability } from '../../../shared/capabilities';
import { useDirectory } from '../../../shared/directory';
import { FormModal } from '../../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../../shared/problems';
import { AsyncView } from '../../../shared/states';
import { useAsync } from '../../../shared/use-async';
import { deskApi, ReplyTemplate } from './desk-api';

function TemplateDialog({
  template,
  open,
  onClose,
  onSaved,
}: {
  template: ReplyTemplate | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; body: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    setProblem(undefined);
    let v: { title: string; body: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (template) await deskApi.updateTemplate(template.id, { expectedVersion: template.version, ...v });
      else await deskApi.createTemplate({ title: v.title.trim(), body: v.body });
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, { title: t('template.title'), body: t('template.body') }))
        setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      open={open}
      title={template ? t('template.edit') : t('template.create')}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      problem={problem}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        name="reply-template"
        key={template?.id ?? 'new'}
        initialValues={{ title: template?.title ?? '', body: template?.body ?? '' }}
      >
        <Form.Item
          name="title"
          label={t('template.title')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('template.title') }),
            },
            { max: 100, message: t('common.maxLength', { field: t('template.title'), max: 100 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('template.body')}
          extra={t('template.placeholders')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('template.body') }),
            },
            { max: 2000, message: t('common.maxLength', { field: t('template.body'), max: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 常用语: the reply templates a department keeps (and the committee's, for the whole zone), with
 * {enterprise} {number} {deadline} filled in where they are used.
 */
export function TemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const { departmentName } = useDirectory();
  const served = useCapability('GET', '/api/v1/tickets/templates');
  const state = useAsync(async () => (served ? (await deskApi.templates()).items : []), [served]);
  const [editing, setEditing] = useState<ReplyTemplate | null>();
  const mine = (x: ReplyTemplate) =>
    user.role === 'committee'
      ? x.scope === 'zone'
      : x.scope === 'department' && x.departmentId === user.departmentId;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="templates-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <h1 className="page-title">{t('nav.templates')}</h1>
        {served && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t('template.create')}
          </Button>
        )}
      </Space>
      {served === false && <Alert type="info" showIcon title={t('common.notAvailable')} />}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(user.role === 'committee' ? 'template.introCommittee' : 'template.introDepartment')}
      </Typography.Paragraph>
      <Card size="small">
        <AsyncView state={state}>
          {(items) => (
            <Table<ReplyTemplate>
              data-testid="templates"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={items}
              scroll={items.length ? { x: 640 } : undefined}
              locale={{ emptyText: <Typography.Text type="secondary">{t('template.none')}</Typography.Text> }}
              columns={[
                { key: 'title', title: t('template.title'), dataIndex: 'title', width: 160 },
                {
                  key: 'body',
                  title: t('template.body'),
                  render: (_, x) => <span style={{ whiteSpace: 'pre-wrap' }}>{x.body}</span>,
                },
                {
                  key: 'scope',
                  title: t('template.scope'),
                  width: 110,
                  render: (_, x) =>
                    x.scope === 'zone' ? (
                      <Tag color="blue">{t('template.zone')}</Tag>
                    ) : (
                      departmentName(x.departmentId)
                    ),
                },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 140,
                  render: (_, x) =>
                    mine(x) ? (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing(x)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('template.deleteConfirm')}
                          okText={t('common.delete')}
                          cancelText={t('common.cancel')}
                          onConfirm={async () => {
                            try {
                              await deskApi.deleteTemplate(x.id);
                              state.reload();
                            } catch (e) {
                              message.error(problemMessage(e, t));
                            }
                          }}
                        >
                          <Button size="small" danger>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <TemplateDialog
        open={editing !== undefined}
        template={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          state.reload();
        }}
      />
    </Space>
  );
}
