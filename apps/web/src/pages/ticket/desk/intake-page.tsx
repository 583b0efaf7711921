import { Alert, App, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey } from '../../../api/client';
import type { Enterprise, Page, TicketChanged } from '../../../api/types';
import { Urgencies } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/zh';
import { AttachmentUpload, isUploading, uploadedIds } from '../../../shared/attachment-upload';
import { useDirectory } from '../../../shared/directory';
import { applyFieldErrors, problemMessage } from '../../../shared/problems';
import { confirmNotDuplicate, SimilarHint } from './similar-hint';

/** How an enterprise brought a problem to the committee's staff (受理渠道 other than the web form and visits). */
const STAFF_CHANNELS = ['phone', 'walk_in', 'group_chat', 'letter'] as const;
const CN_PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:-\d{1,6})?)$/;

interface IntakeForm {
  channel: (typeof STAFF_CHANNELS)[number];
  enterpriseId?: string;
  category?: string;
  title?: string;
  description?: string;
  urgency: string;
  location?: string;
  contact: { name?: string; phone?: string };
  attachments?: UploadFile[];
}

/** One enterprise, found by name or credit code; its record comes with it (its contacts fill the form). */
function EnterpriseSearch({
  id,
  value,
  onChange,
  onPicked,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  onPicked: (e: Enterprise) => void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<Enterprise[]>([]);
  const [loading, setLoading] = useState(false);
  const call = useRef(0);
  const search = (q: string) => {
    const mine = ++call.current;
    setLoading(true);
    api<Page<Enterprise>>('/api/v1/identity/enterprises', { query: { q: q.trim() || undefined, limit: 30 } })
      .then((p) => mine === call.current && setItems(p.items.filter((e) => e.active)))
      .catch(() => mine === call.current && setItems([]))
      .finally(() => mine === call.current && setLoading(false));
  };
  return (
    <Select
      id={id}
      value={value}
      loading={loading}
      placeholder={t('picker.enterprisePlaceholder')}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && !items.length && search('')}
      onChange={(v: string) => {
        onChange?.(v);
        const e = items.find((x) => x.id === v);
        if (e) onPicked(e);
      }}
      options={items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))}
    />
  );
}

/**
 * 代为登记: committee staff log what an enterprise brought by phone, in person, in a group chat or
 * by letter; the channel is recorded and the ticket is routed like any other.
 */
export function IntakePage() {
  const { t, locale } = useI18n();
  const { categories, categoryName } = useDirectory();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IntakeForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const key = useRef(newIdempotencyKey());
  const title = Form.useWatch('title', form);
  const description = Form.useWatch('description', form);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const labels = useMemo(
    () => ({
      channel: t('intake.channel'),
      enterpriseId: t('whistle.enterprise'),
      category: t('whistle.category'),
      title: t('whistle.titleField'),
      description: t('whistle.description'),
      urgency: t('whistle.urgency'),
      location: t('whistle.location'),
      'contact.name': t('whistle.contactName'),
      'contact.phone': t('whistle.contactPhone'),
      attachmentIds: t('whistle.attachments'),
    }),
    [t],
  );
  const required = (f: keyof typeof labels) => ({
    required: true,
    whitespace: true,
    message: t('common.requiredField', { field: labels[f] }),
  });
  const chosen = (f: keyof typeof labels) => ({
    required: true,
    message: t('common.chooseField', { field: labels[f] }),
  });

  const submit = async (v: IntakeForm, confirmed = false): Promise<void> => {
    setProblem(undefined);
    const files = v.attachments ?? [];
    if (isUploading(files)) return setProblem(t('whistle.uploading'));
    setBusy(true);
    try {
      const created = await api<TicketChanged>('/api/v1/tickets', {
        method: 'POST',
        headers: { 'Idempotency-Key': key.current },
        body: {
          channel: v.channel,
          enterpriseId: v.enterpriseId,
          category: v.category,
          title: v.title?.trim(),
          description: v.description?.trim(),
          urgency: v.urgency,
          ...(v.location?.trim() ? { location: v.location.trim() } : {}),
          contact: { name: v.contact.name?.trim(), phone: v.contact.phone?.trim() },
          attachmentIds: uploadedIds(files),
          ...(confirmed ? { confirmNotDuplicate: true } : {}),
        },
      });
      message.success(t('whistle.submitted', { number: created.number }));
      navigate(`/tickets/${created.id}`);
    } catch (e) {
      const duplicate = confirmNotDuplicate(e, t, modal);
      if (duplicate) {
        setBusy(false);
        if (await duplicate) return submit(v, true);
        return;
      }
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      style={{ maxWidth: 760, margin: '0 auto' }}
      title={<h1 className="page-title">{t('nav.intake')}</h1>}
      data-testid="intake"
    >
      <Typography.Paragraph type="secondary">{t('intake.intro')}</Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          role="alert"
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
        />
      )}
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        name="intake"
        initialValues={{ channel: 'phone', urgency: 'normal', contact: {}, attachments: [] }}
        onFinish={(v) => submit(v)}
        scrollToFirstError
      >
        <Form.Item label={labels.channel} name="channel" rules={[chosen('channel')]}>
          <Radio.Group
            optionType="button"
            options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`intake.channel.${c}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item label={labels.enterpriseId} name="enterpriseId" rules={[chosen('enterpriseId')]}>
          <EnterpriseSearch
            onPicked={(e) => {
              const c = e.contacts[0];
              if (c) form.setFieldsValue({ contact: { name: c.name, phone: c.phone ?? '' } });
            }}
          />
        </Form.Item>
        <Form.Item label={labels.category} name="category" rules={[chosen('category')]}>
          <Select
            placeholder={t('whistle.categoryPlaceholder')}
            options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={labels.title} name="title" rules={[required('title'), { max: 100 }]}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item
          label={labels.description}
          name="description"
          rules={[required('description'), { max: 4000 }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            count={{ show: true, max: 4000 }}
            placeholder={t('intake.descriptionPlaceholder')}
          />
        </Form.Item>
        <SimilarHint title={title} description={description} enterpriseId={enterpriseId} />
        <Form.Item label={labels.urgency} name="urgency">
          <Radio.Group
            optionType="button"
            options={Urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          />
        </Form.Item>
        <Form.Item label={labels.location} name="location" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            style={{ flex: '1 1 200px' }}
            label={labels['contact.name']}
            name={['contact', 'name']}
            rules={[required('contact.name'), { max: 50 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            style={{ flex: '1 1 200px' }}
            label={labels['contact.phone']}
            name={['contact', 'phone']}
            rules={[required('contact.phone'), { pattern: CN_PHONE, message: t('whistle.phoneInvalid') }]}
          >
            <Input inputMode="tel" />
          </Form.Item>
        </div>
        <Form.Item label={labels.attachmentIds} name="attachments" extra={t('whistle.attachmentsHelp')}>
          <AttachmentUpload />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={busy} block>
          {t('intake.submit')}
        </Button>
      </Form>
    </Card>
  );
}
