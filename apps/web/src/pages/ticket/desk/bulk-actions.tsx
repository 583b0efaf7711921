import { Alert, App, Button, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { TicketSummary } from '../../../api/types';
import { useUser } from '../../../auth/session';
import { Locale, Translate, useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh';
import { useCapability } from '../../../shared/capabilities';
import { FormModal } from '../../../shared/form-modal';
import { localizeServerMessage, problemMessage } from '../../../shared/problems';
import { useAsync } from '../../../shared/use-async';

interface BulkItemResult {
  ticketId: string;
  ok: boolean;
  number?: string;
  status?: string;
  problem?: {
    type?: string;
    title?: string;
    detail?: string;
    currentStatus?: string;
    errors?: { field: string; messages: string[] }[];
  };
}
interface BulkResult {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}

const BULK = '/api/v1/tickets/bulk';
const items = (rows: TicketSummary[]) => rows.map((r) => ({ ticketId: r.id, expectedVersion: r.version }));

/** The staff a department may name as 承办人 (from the ticket service's directory copy). */
export function useHandlers(departmentId: string | null | undefined) {
  const user = useUser();
  const served = useCapability('GET', '/api/v1/tickets/handlers');
  return useAsync(
    async () =>
      served && departmentId
        ? (
            await api<{ items: { userId: string; name: string }[] }>('/api/v1/tickets/handlers', {
              query: user.role === 'committee' ? { departmentId } : {},
            })
          ).items
        : [],
    [served, departmentId],
  );
}

/** Why one ticket of a bulk action was not done, in the user's language (the API's detail is English). */
function refusal(p: NonNullable<BulkItemResult['problem']>, t: Translate, locale: Locale): string {
  const status = p.currentStatus ? t(`status.${p.currentStatus}` as MessageKey) : '';
  switch (p.type?.replace('urn:chuishao:problem:', '')) {
    case 'versionConflict':
      return t('bulk.refusedChanged', { status });
    case 'illegalTransition':
      return t('bulk.refusedState', { status });
    case 'notFound':
      return t('bulk.refusedNotFound');
    case 'forbidden':
      return t('bulk.refusedForbidden');
  }
  if (p.errors?.length)
    return p.errors
      .map((e) => e.messages.map((m) => localizeServerMessage(m, locale, t)).join('；'))
      .join('；');
  return p.detail ?? p.title ?? '';
}

/** Each ticket's own answer, the failures named one by one. */
function showResults(
  modal: ReturnType<typeof App.useApp>['modal'],
  t: Translate,
  locale: Locale,
  rows: TicketSummary[],
  r: BulkResult,
) {
  const numberOf = (id: string) => rows.find((x) => x.id === id)?.number ?? id.slice(0, 8);
  const failed = r.results.filter((x) => !x.ok);
  const open = failed.length ? modal.warning : modal.success;
  open({
    title: t('bulk.result', { ok: r.succeeded, failed: r.failed }),
    content: failed.length ? (
      <List
        size="small"
        data-testid="bulk-failures"
        dataSource={failed}
        renderItem={(x) => (
          <List.Item>
            <span>
              <Link to={`/tickets/${x.ticketId}`}>{numberOf(x.ticketId)}</Link>
              {locale === 'en' ? ': ' : '：'}
              {x.problem ? refusal(x.problem, t, locale) : ''}
            </span>
          </List.Item>
        )}
      />
    ) : undefined,
    okText: t('common.confirm'),
  });
}

/**
 * What may be done to the tickets ticked in a list, at once: a department signs for several
 * (批量签收) or hands them to one of its staff; the committee urges or supervises several. Each
 * ticket is still checked on its own; those refused are named with the reason.
 */
export function BulkActions({ selected, onDone }: { selected: TicketSummary[]; onDone: () => void }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { modal, message } = App.useApp();
  const served = useCapability('POST', `${BULK}/acknowledge`);
  const handlers = useHandlers(user.role === 'department' ? user.departmentId : null);
  const [busy, setBusy] = useState<string>();
  const [handlerOpen, setHandlerOpen] = useState(false);
  const [handler, setHandler] = useState<string>();
  const [superviseOpen, setSuperviseOpen] = useState(false);
  const [form] = Form.useForm<{ level: string; note: string }>();
  if (!served) return null;
  const n = selected.length;

  const run = async (key: string, path: string, body: Record<string, unknown>) => {
    setBusy(key);
    try {
      const r = await api<BulkResult>(`${BULK}/${path}`, {
        method: 'POST',
        body: { items: items(selected), ...body },
      });
      showResults(modal, t, locale, selected, r);
      onDone();
      return true;
    } catch (e) {
      message.error(problemMessage(e, t));
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space wrap data-testid="bulk-actions">
      <Typography.Text>{t('bulk.selected', { n })}</Typography.Text>
      {user.role === 'department' && (
        <>
          <Button
            type="primary"
            disabled={!n}
            loading={busy === 'ack'}
            onClick={() => run('ack', 'acknowledge', {})}
          >
            {t('bulk.acknowledge')}
          </Button>
          <Button disabled={!n} onClick={() => setHandlerOpen(true)}>
            {t('bulk.assignHandler')}
          </Button>
          <Modal
            open={handlerOpen}
            title={t('bulk.assignHandlerTitle', { n })}
            okText={t('common.submit')}
            cancelText={t('common.cancel')}
            okButtonProps={{ disabled: !handler }}
            confirmLoading={busy === 'handler'}
            onCancel={() => setHandlerOpen(false)}
            onOk={async () => {
              if (await run('handler', 'assign-handler', { handlerUserId: handler })) setHandlerOpen(false);
            }}
          >
            <label htmlFor="bulk-handler">{t('handler.label')}</label>
            <Select
              id="bulk-handler"
              style={{ width: '100%', marginTop: 4 }}
              value={handler}
              onChange={setHandler}
              loading={handlers.loading}
              options={(handlers.data ?? []).map((h) => ({ value: h.userId, label: h.name }))}
            />
          </Modal>
        </>
      )}
      {user.role === 'committee' && (
        <>
          <Button danger disabled={!n} onClick={() => setSuperviseOpen(true)}>
            {t('bulk.supervise')}
          </Button>
          <FormModal
            open={superviseOpen}
            title={t('bulk.superviseTitle', { n })}
            okText={t('common.submit')}
            busy={busy === 'supervise'}
            onCancel={() => setSuperviseOpen(false)}
            onOk={async () => {
              let v: { level: string; note: string };
              try {
                v = await form.validateFields();
              } catch {
                return;
              }
              if (await run('supervise', 'supervise', { level: v.level, note: v.note.trim() })) {
                setSuperviseOpen(false);
                form.resetFields();
              }
            }}
          >
            <Alert type="info" showIcon title={t('bulk.eachChecked')} style={{ marginBottom: 12 }} />
            <Form form={form} layout="vertical" name="bulk-supervise" initialValues={{ level: 'urge' }}>
              <Form.Item name="level" label={t('field.level')} rules={[{ required: true }]}>
                <Select
                  options={(['urge', 'supervise', 'joint_meeting'] as const).map((l) => ({
                    value: l,
                    label: t(`level.${l}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('field.note')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.requiredField', { field: t('field.note') }),
                  },
                  { max: 2000 },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </Form>
          </FormModal>
        </>
      )}
    </Space>
  );
}
