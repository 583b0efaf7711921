import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Satisfactions, TicketDetail } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { applyFieldErrors, problemMessage } from '../../shared/problems';

/** 回访 / 评价: contacted? solved? how satisfied? A satisfied answer closes the ticket; unsatisfied allows reopening. */
export function FeedbackForm({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const labels = useMemo(
    () => ({
      contacted: t('feedback.contacted'),
      solved: t('feedback.solved'),
      satisfaction: t('feedback.satisfaction'),
      comment: t('feedback.comment'),
    }),
    [t],
  );

  if (!ticket.repliedThisRound) {
    return (
      <Card title={t('feedback.title')} size="small">
        <Typography.Text type="secondary">{t('feedback.waitReply')}</Typography.Text>
      </Card>
    );
  }

  const onFinish = async (v: {
    contacted: boolean;
    solved: boolean;
    satisfaction: string;
    comment?: string;
  }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api(`/api/v1/tickets/${ticket.id}/feedback`, {
        method: 'POST',
        body: {
          expectedVersion: ticket.version,
          contacted: v.contacted,
          solved: v.solved,
          satisfaction: v.satisfaction,
          ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
        },
      });
      message.success(t('ticket.done'));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versionConflict') {
        message.warning(t('ticket.conflict'));
        onDone();
      } else if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];
  return (
    <Card title={t('feedback.title')} size="small" data-testid="feedback-form">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" name="feedback" onFinish={onFinish}>
        <Form.Item
          name="contacted"
          label={labels.contacted}
          rules={[{ required: true, message: t('feedback.chooseContacted') }]}
        >
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item
          name="solved"
          label={labels.solved}
          rules={[{ required: true, message: t('feedback.chooseSolved') }]}
        >
          <Radio.Group options={yesNo} />
        </Form.Item>
        <Form.Item
          name="satisfaction"
          label={labels.satisfaction}
          rules={[{ required: true, message: t('feedback.chooseSatisfaction') }]}
        >
          <Radio.Group
            optionType="button"
            options={Satisfactions.map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={labels.comment}
          rules={[{ max: 2000, message: t('common.maxLength', { field: labels.comment, max: 2000 }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.submit')}
        </Button>
      </Form>
    </Card>
  );
}
