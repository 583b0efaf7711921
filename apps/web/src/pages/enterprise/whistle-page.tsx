import { Alert, App, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, newIdempotencyKey } from '../../api/client';
import type { Enterprise, Page, TicketDetail, TicketSummary } from '../../api/types';
import { TicketChanged, Urgencies } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { AttachmentUpload, isUploading, MAX_ATTACHMENTS, uploadedIds } from '../../shared/attachment-upload';
import { useDirectory } from '../../shared/directory';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { EnterprisePicker } from '../instructor/enterprise-picker';
import { confirmNotDuplicate, SimilarHint } from '../ticket/desk/similar-hint';

/** The API's own rule for contact.phone (submit-ticket.request.dto.ts), so the form says no before the server does. */
const CN_PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:-\d{1,6})?)$/;

interface WhistleForm {
  enterpriseId?: string;
  category?: string;
  title?: string;
  description?: string;
  urgency: string;
  location?: string;
  gridId?: string;
  contact: { name?: string; phone?: string };
  attachments?: UploadFile[];
}

export function WhistlePage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { categories, categoryName, gridName } = useDirectory();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<WhistleForm>();
  const watchedTitle = Form.useWatch('title', form);
  const watchedDescription = Form.useWatch('description', form);
  const watchedEnterprise = Form.useWatch('enterpriseId', form);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  // One key for this form until the user has left the result: a double click, a second Enter or a
  // retry after a timeout all name the same submission, and the server answers them with one ticket.
  // (A refused request is rolled back with its key, so correcting the form and sending again is fine.)
  const idempotencyKey = useRef(newIdempotencyKey());
  // Set before the first await, so a second submit that arrives while the first is on its way (or
  // after it succeeded, before the page has changed) is dropped rather than sent.
  const sending = useRef(false);
  const isInstructor = user.role === 'instructor';

  // The contact starts filled in, and is replaced only while nobody has typed in it: for an
  // enterprise, the one named on its last ticket, else the first on its record; for an instructor,
  // the first on the record of the enterprise picked.
  const offered = useRef<{ name: string; phone: string } | null>(null);
  const offerContact = useCallback(
    (contact: { name?: string | null; phone?: string | null } | undefined) => {
      if (!contact?.name) return;
      const now = {
        name: form.getFieldValue(['contact', 'name']),
        phone: form.getFieldValue(['contact', 'phone']),
      };
      const untouched =
        (!now.name && !now.phone) ||
        (offered.current && now.name === offered.current.name && now.phone === offered.current.phone);
      if (!untouched) return;
      offered.current = { name: contact.name, phone: contact.phone ?? '' };
      form.setFieldsValue({ contact: offered.current });
    },
    [form],
  );
  useEffect(() => {
    if (isInstructor || !user.enterpriseId) return;
    const enterpriseId = user.enterpriseId;
    let live = true;
    void (async () => {
      const last = await api<Page<TicketSummary>>('/api/v1/tickets', { query: { limit: 1 } });
      const contact = last.items.length
        ? (await api<TicketDetail>(`/api/v1/tickets/${last.items[0].id}`)).contact
        : (await api<Enterprise>(`/api/v1/identity/enterprises/${enterpriseId}`)).contacts[0];
      if (live) offerContact(contact);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [isInstructor, user.enterpriseId, offerContact]);

  const labels = useMemo(
    () => ({
      enterpriseId: t('whistle.enterprise'),
      category: t('whistle.category'),
      title: t('whistle.titleField'),
      description: t('whistle.description'),
      urgency: t('whistle.urgency'),
      location: t('whistle.location'),
      gridId: t('whistle.grid'),
      'contact.name': t('whistle.contactName'),
      'contact.phone': t('whistle.contactPhone'),
      attachmentIds: t('whistle.attachments'),
    }),
    [t],
  );
  const required = (field: keyof typeof labels) => ({
    required: true,
    whitespace: true,
    message: t('common.requiredField', { field: labels[field] }),
  });
  // A dropdown is chosen from, not filled in.
  const chosen = (field: keyof typeof labels) => ({
    required: true,
    message: t('common.chooseField', { field: labels[field] }),
  });
  const max = (field: keyof typeof labels, n: number) => ({
    max: n,
    message: t('common.maxLength', { field: labels[field], max: n }),
  });

  const onFinish = async (v: WhistleForm, confirmed = false) => {
    if (sending.current) return;
    setProblem(undefined);
    const files = v.attachments ?? [];
    if (isUploading(files)) {
      setProblem(t('whistle.uploading'));
      return;
    }
    sending.current = true;
    setBusy(true);
    let sent = false;
    try {
      const body = {
        ...(isInstructor && v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
        category: v.category,
        title: v.title?.trim(),
        description: v.description?.trim(),
        urgency: v.urgency,
        ...(v.location?.trim() ? { location: v.location.trim() } : {}),
        ...(v.gridId ? { gridId: v.gridId } : {}),
        contact: { name: v.contact.name?.trim(), phone: v.contact.phone?.trim() },
        attachmentIds: uploadedIds(files),
        ...(confirmed ? { confirmNotDuplicate: true } : {}),
      };
      const created = await api<TicketChanged>('/api/v1/tickets', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey.current },
      });
      sent = true;
      message.success(t('whistle.submitted', { number: created.number }));
      navigate(`/tickets/${created.id}`);
    } catch (e) {
      // 重复诉求: it reads like an open ticket of the same enterprise; file it only if the user says so.
      const duplicate = confirmNotDuplicate(e, t, modal);
      if (duplicate) {
        sending.current = false;
        setBusy(false);
        sent = true; // from here the user's choice (and the confirmed retry) decides
        if (await duplicate) await onFinish(v, true);
        return;
      }
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      // After a success the form stays closed until the page changes.
      if (!sent) {
        sending.current = false;
        setBusy(false);
      }
    }
  };

  return (
    <Card
      style={{ maxWidth: 760, margin: '0 auto' }}
      title={<h1 className="page-title">{t('whistle.title')}</h1>}
    >
      <Typography.Paragraph type="secondary">{t('whistle.intro')}</Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
          role="alert"
        />
      )}
      <Form<WhistleForm>
        form={form}
        layout="vertical"
        name="whistle"
        initialValues={{ urgency: 'normal', contact: {}, attachments: [] }}
        onFinish={(v) => onFinish(v)}
        onFinishFailed={() => setProblem(undefined)}
        scrollToFirstError
      >
        {isInstructor && (
          <Form.Item label={labels.enterpriseId} name="enterpriseId" rules={[chosen('enterpriseId')]}>
            <EnterprisePicker onPicked={(e) => offerContact(e.contacts[0])} />
          </Form.Item>
        )}
        <Form.Item label={labels.category} name="category" rules={[chosen('category')]}>
          <Select
            placeholder={t('whistle.categoryPlaceholder')}
            options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={labels.title} name="title" rules={[required('title'), max('title', 100)]}>
          <Input placeholder={t('whistle.titlePlaceholder')} count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item
          label={labels.description}
          name="description"
          rules={[required('description'), max('description', 4000)]}
        >
          <Input.TextArea
            placeholder={t('whistle.descriptionPlaceholder')}
            autoSize={{ minRows: 5, maxRows: 14 }}
            count={{ show: true, max: 4000 }}
          />
        </Form.Item>
        <SimilarHint
          title={watchedTitle}
          description={watchedDescription}
          enterpriseId={isInstructor ? watchedEnterprise : undefined}
        />
        <Form.Item label={labels.urgency} name="urgency">
          <Radio.Group
            optionType="button"
            options={Urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          />
        </Form.Item>
        <Form.Item label={labels.location} name="location" rules={[max('location', 200)]}>
          <Input placeholder={t('whistle.locationPlaceholder')} count={{ show: true, max: 200 }} />
        </Form.Item>
        {isInstructor && user.gridIds.length > 1 && (
          <Form.Item label={labels.gridId} name="gridId" extra={t('whistle.gridDefault')}>
            <Select allowClear options={user.gridIds.map((g) => ({ value: g, label: gridName(g) }))} />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            style={{ flex: '1 1 200px' }}
            label={labels['contact.name']}
            name={['contact', 'name']}
            rules={[required('contact.name'), max('contact.name', 50)]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            style={{ flex: '1 1 200px' }}
            label={labels['contact.phone']}
            name={['contact', 'phone']}
            rules={[required('contact.phone'), { pattern: CN_PHONE, message: t('whistle.phoneInvalid') }]}
          >
            <Input inputMode="tel" autoComplete="tel" placeholder="13800138000" />
          </Form.Item>
        </div>
        <Form.Item
          label={labels.attachmentIds}
          name="attachments"
          extra={t('whistle.attachmentsHelp')}
          rules={[
            {
              validator: (_, files: UploadFile[] = []) =>
                files.length > MAX_ATTACHMENTS
                  ? Promise.reject(new Error(t('whistle.tooMany')))
                  : Promise.resolve(),
            },
          ]}
        >
          <AttachmentUpload />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={busy} disabled={busy} block>
          {t('whistle.submit')}
        </Button>
      </Form>
    </Card>
  );
}
