import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import { useSession, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { HOME } from '../layout/routes';
import { applyFieldErrors, problemMessage } from '../shared/problems';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Choose a new password. A new account or one an admin reset must do this first (the API refuses
 * everything else until then); anyone may do it from the header. Changing it ends every session,
 * so the page logs in again with the new password and carries on.
 */
export function ChangePasswordPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { login } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const onFinish = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api('/api/v1/identity/auth/change-password', {
        method: 'POST',
        body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
      });
      const u = await login(user.username, v.newPassword);
      message.success(t('password.changed'));
      navigate(HOME[u.role], { replace: true });
    } catch (e) {
      const placed =
        e instanceof ApiError &&
        applyFieldErrors(form, e, locale, t, {
          currentPassword: t('password.current'),
          newPassword: t('password.new'),
        });
      if (placed) {
        // The API words it in English; the form says it in the user's language.
        if (e.fieldErrors.some((f) => f.field === 'currentPassword'))
          form.setFields([{ name: 'currentPassword', errors: [t('password.currentWrong')] }]);
      } else setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={<h1 className="page-title">{t('password.title')}</h1>}
      style={{ maxWidth: 480 }}
      data-testid="change-password"
    >
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.required')} style={{ marginBottom: 16 }} />
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('password.current') }) }]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('password.new') }) },
            { min: 8, max: 128, message: t('password.rule') },
            { pattern: /[A-Za-z]/, message: t('password.rule') },
            { pattern: /\d/, message: t('password.rule') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('password.same')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('password.confirm') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('password.sessionsEnd')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
