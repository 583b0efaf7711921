import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Space, Tabs, Tag, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { useUser } from '../../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh';
import { AttachmentUpload, isUploading, uploadedIds } from '../../../shared/attachment-upload';
import { formatDateTime } from '../../../shared/deadline';
import { useDirectory } from '../../../shared/directory';
import { FormModal } from '../../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../../shared/problems';
import { AttachmentList } from '../attachment-list';
import { ConversationEntry, DeskTicket, deskApi, InformationRequest } from './desk-api';
import { ReplyBox } from './template-picker';

const ENDED = ['closed', 'withdrawn'];

/** Who wrote an entry, in the reader's words: the enterprise, a department by name, the committee. */
function useAuthorName() {
  const { t } = useI18n();
  const { departmentName } = useDirectory();
  return (e: { author: string; departmentId: string | null }) =>
    e.author === 'department' && e.departmentId
      ? departmentName(e.departmentId)
      : t(`conversation.author.${e.author}` as MessageKey);
}

function Entries({ items, empty, testId }: { items: ConversationEntry[]; empty: string; testId: string }) {
  const { locale } = useI18n();
  const authorName = useAuthorName();
  if (!items.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <div role="list" data-testid={testId}>
      {items.map((m) => (
        <div
          role="listitem"
          key={m.id}
          data-entry={m.id}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space size={8} wrap>
            <Typography.Text strong>{authorName(m)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(m.at, locale)}
            </Typography.Text>
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
          {m.attachments.length > 0 && <AttachmentList items={m.attachments} />}
        </div>
      ))}
    </div>
  );
}

/** Text and files sent in one go (a message, a note, an answer): the form, its upload, its problem. */
function Composer({
  name,
  label,
  submitText,
  ticketId,
  templates,
  send,
  onDone,
}: {
  name: string;
  label: string;
  submitText: string;
  ticketId: string;
  templates?: boolean;
  send: (text: string, attachmentIds: string[]) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; files?: UploadFile[] }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    setProblem(undefined);
    let v: { text: string; files?: UploadFile[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const files = v.files ?? [];
    if (isUploading(files)) return setProblem(t('whistle.uploading'));
    setBusy(true);
    try {
      await send(v.text.trim(), uploadedIds(files));
      message.success(t('conversation.sent'));
      form.resetFields();
      onDone();
    } catch (e) {
      if (
        !applyFieldErrors(form, e, locale, t, {
          text: label,
          answer: label,
          attachmentIds: t('ticket.attachments'),
        })
      )
        setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const rules = [
    { required: true, whitespace: true, message: t('common.requiredField', { field: label }) },
    { max: 4000, message: t('common.maxLength', { field: label, max: 4000 }) },
  ];
  return (
    <Form form={form} layout="vertical" name={name} style={{ marginTop: 12 }}>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 8 }} />}
      <Form.Item name="text" label={label} rules={rules}>
        {templates ? (
          <ReplyBox ticketId={ticketId} autoSize={{ minRows: 2, maxRows: 8 }} />
        ) : (
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        )}
      </Form.Item>
      <Form.Item name="files" label={t('conversation.files')} valuePropName="value">
        <AttachmentUpload />
      </Form.Item>
      <Button type="primary" onClick={submit} loading={busy}>
        {submitText}
      </Button>
    </Form>
  );
}

function AskButton({ ticket, onDone }: { ticket: DeskTicket; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ question: string }>();
  const submit = async () => {
    setProblem(undefined);
    let v: { question: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await deskApi.requestInformation(ticket, v.question.trim());
      message.success(t('ask.sent'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versionConflict') {
        message.warning(t('ticket.conflict'));
        setOpen(false);
        onDone();
      } else if (!applyFieldErrors(form, e, locale, t, { question: t('ask.question') }))
        setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-action="request-information">
        {t('ask.action')}
      </Button>
      <FormModal
        open={open}
        title={`${t('ask.action')} · ${ticket.number}`}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
      >
        <Typography.Paragraph type="secondary">{t('ask.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="ask-enterprise">
          <Form.Item
            name="question"
            label={t('ask.question')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('ask.question') }),
              },
              { max: 2000, message: t('common.maxLength', { field: t('ask.question'), max: 2000 }) },
            ]}
          >
            <ReplyBox
              ticketId={ticket.id}
              autoSize={{ minRows: 3, maxRows: 10 }}
              placeholder={t('ask.placeholder')}
            />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

function Requests({ ticket, onChanged }: { ticket: DeskTicket; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { departmentName } = useDirectory();
  const requests = ticket.conversation?.informationRequests ?? [];
  const owner = user.role === 'enterprise' || user.role === 'instructor';
  const lead = user.role === 'department' && ticket.leadDepartment?.id === user.departmentId;
  const open = requests.find((r) => r.state === 'open');
  const mayAsk = lead && !open && ['in_progress', 'transfer_requested'].includes(ticket.status);
  const paused = ticket.deadlines.paused?.resolve === 'awaiting_enterprise';
  const stateTag = (r: InformationRequest) => (
    <Tag
      color={r.state === 'open' ? 'orange' : r.state === 'answered' ? 'green' : 'default'}
      data-state={r.state}
    >
      {t(`ask.state.${r.state}` as MessageKey)}
    </Tag>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      {paused && !owner && <Alert type="info" showIcon title={t('ask.paused')} data-testid="clock-paused" />}
      {owner && open && (
        <Alert
          type="warning"
          showIcon
          title={t('ask.waitingForYou')}
          description={t('ask.waitingForYouHint')}
        />
      )}
      {requests.length === 0 && <Typography.Text type="secondary">{t('ask.none')}</Typography.Text>}
      <div role={requests.length ? 'list' : undefined} data-testid="information-requests">
        {requests.map((r) => (
          <div
            role="listitem"
            key={r.id}
            data-request={r.id}
            style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Space size={8} wrap>
              <Typography.Text strong>{departmentName(r.departmentId)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.askedAt, locale)}
              </Typography.Text>
              {stateTag(r)}
            </Space>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.question}</div>
            {r.answer !== null && (
              <div style={{ marginTop: 6, paddingInlineStart: 12, borderInlineStart: '3px solid #b7eb8f' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ask.answeredAt', { at: formatDateTime(r.answeredAt, locale) })}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.answer}</div>
                {r.attachments.length > 0 && <AttachmentList items={r.attachments} />}
              </div>
            )}
            {owner && r.state === 'open' && (
              <Composer
                name={`answer-${r.id}`}
                label={t('ask.answer')}
                submitText={t('ask.answerSubmit')}
                ticketId={ticket.id}
                send={(text, files) => deskApi.provideInformation(ticket, r.id, text, files)}
                onDone={onChanged}
              />
            )}
          </div>
        ))}
      </div>
      {mayAsk && <AskButton ticket={ticket} onDone={onChanged} />}
    </Space>
  );
}

/**
 * The conversation around a ticket: the department's questions to the enterprise and its answers
 * (补充材料, the clock paused meanwhile), messages both ways, and internal notes that only the
 * departments on it and the committee read.
 */
export function ConversationCard({ ticket, onChanged }: { ticket: DeskTicket; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const narrow = !Grid.useBreakpoint().sm;
  if (!ticket.conversation) return null;
  const c = ticket.conversation;
  const owner = user.role === 'enterprise' || user.role === 'instructor';
  const onTicket =
    user.role === 'committee' ||
    (user.role === 'department' &&
      (ticket.leadDepartment?.id === user.departmentId ||
        ticket.parts.some((p) => p.department.id === user.departmentId)));
  const open = !ENDED.includes(ticket.status) && !ticket.followsMain;
  const mayMessage = open && (owner || onTicket);
  const openRequest = c.informationRequests.some((r) => r.state === 'open');
  const items = [
    {
      key: 'requests',
      label: (
        <span>
          {t('ask.tab')}
          {openRequest && (
            <Tag color="orange" style={{ marginInlineStart: 6 }}>
              {t('ask.state.open')}
            </Tag>
          )}
        </span>
      ),
      children: <Requests ticket={ticket} onChanged={onChanged} />,
    },
    {
      key: 'messages',
      label: `${t('conversation.messages')}（${c.messages.length}）`,
      children: (
        <>
          <Entries items={c.messages} empty={t('conversation.noMessages')} testId="messages" />
          {mayMessage && (
            <Composer
              name="post-message"
              label={t('conversation.message')}
              submitText={t('conversation.send')}
              ticketId={ticket.id}
              templates={!owner}
              send={(text, files) => deskApi.message(ticket, text, files)}
              onDone={onChanged}
            />
          )}
        </>
      ),
    },
    ...(c.notes
      ? [
          {
            key: 'notes',
            label: (
              <span>
                <LockOutlined aria-hidden /> {t('conversation.notes')}（{c.notes.length}）
              </span>
            ),
            children: (
              <>
                <Alert
                  type="warning"
                  showIcon
                  title={t('conversation.notesHint')}
                  style={{ marginBottom: 8 }}
                />
                <Entries items={c.notes} empty={t('conversation.noNotes')} testId="notes" />
                {onTicket && (
                  <Composer
                    name="add-note"
                    label={t('conversation.note')}
                    submitText={t('conversation.addNote')}
                    ticketId={ticket.id}
                    send={(text, files) => deskApi.note(ticket, text, files)}
                    onDone={onChanged}
                  />
                )}
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={t('conversation.title')} data-testid="conversation">
      {/* Tabs that do not fit a phone's width would go behind antd's "more" button, a button inside
          the tablist (an ARIA fault) that hides the notes from sight: the titles wrap instead. */}
      <Tabs
        defaultActiveKey="requests"
        items={items}
        tabBarGutter={narrow ? 16 : undefined}
        styles={{ item: { whiteSpace: 'normal', flexShrink: 1, minWidth: 0 } }}
      />
    </Card>
  );
}
