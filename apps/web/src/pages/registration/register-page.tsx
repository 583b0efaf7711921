import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { localizeServerMessage, problemMessage } from '../../shared/problems';
import { PHONE } from '../admin/crud-page';
import { isCreditCode } from '../admin/credit-code';
import { PublicShell } from './public-shell';

interface Application {
  enterpriseName: string;
  creditCode: string;
  contactName: string;
  phone: string;
  username: string;
  password: string;
  passwordAgain?: string;
}

const LABELS: Record<string, MessageKey> = {
  enterpriseName: 'register.enterpriseName',
  creditCode: 'register.creditCode',
  contactName: 'register.contactName',
  phone: 'register.phone',
  username: 'register.username',
  password: 'register.password',
};
const TAKEN: Record<string, MessageKey> = {
  creditCode: 'register.creditCodeTaken',
  username: 'register.usernameTaken',
};

/** 企业注册: an enterprise applies with its credit code and contact; it logs in once approved. */
export function RegisterPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Application>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();

  const submit = async (v: Application) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const { passwordAgain: _, ...body } = v;
      await api('/api/v1/identity/registrations', {
        method: 'POST',
        body: { ...body, creditCode: body.creditCode.trim().toUpperCase() },
      });
      setDone(body.username.trim().toLowerCase());
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length && e.fieldErrors.every((f) => LABELS[f.field])) {
        form.setFields(
          e.fieldErrors.map((f) => ({
            name: f.field as keyof Application,
            errors:
              e.status === 409 && TAKEN[f.field]
                ? [t(TAKEN[f.field])]
                : // The identity service names the check character in English; the form's own words instead.
                  f.field === 'creditCode' && e.status === 400
                  ? [t('admin.creditCodeInvalid')]
                  : f.messages.map((m) => localizeServerMessage(m, locale, t, t(LABELS[f.field]))),
          })),
        );
      } else setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (done)
    return (
      <PublicShell title={t('register.title')}>
        <Result
          status="success"
          title={t('register.done')}
          subTitle={t('register.doneDetail', { username: done })}
          data-testid="registration-done"
        />
      </PublicShell>
    );

  return (
    <PublicShell title={t('register.title')}>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="register">
        <Form.Item
          name="enterpriseName"
          label={t('register.enterpriseName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('register.enterpriseName') }),
            },
            {
              min: 2,
              max: 100,
              message: t('common.maxLength', { field: t('register.enterpriseName'), max: 100 }),
            },
          ]}
        >
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('register.creditCode')}
          extra={t('register.creditCodeRule')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('register.creditCode') }),
            },
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || isCreditCode(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.creditCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item
          name="contactName"
          label={t('register.contactName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('register.contactName') }),
            },
          ]}
        >
          <Input autoComplete="name" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('register.phone')}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('register.phone') }) },
            { pattern: PHONE, message: t('whistle.phoneInvalid') },
          ]}
        >
          <Input autoComplete="tel" maxLength={13} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('register.username')}
          extra={t('admin.usernameRule')}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('register.username') }) },
            { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('admin.usernameRule') },
          ]}
        >
          <Input autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('register.password')}
          extra={t('admin.passwordRule')}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('register.password') }) },
            { min: 8, message: t('admin.passwordTooShort') },
            { max: 128, message: t('common.maxLength', { field: t('register.password'), max: 128 }) },
            { pattern: /[A-Za-z]/, message: t('admin.passwordNeedsLetter') },
            { pattern: /\d/, message: t('admin.passwordNeedsDigit') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="passwordAgain"
          label={t('register.passwordAgain')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('register.passwordAgain') }) },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('register.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} disabled={busy}>
          {t('register.submit')}
        </Button>
      </Form>
    </PublicShell>
  );
}
