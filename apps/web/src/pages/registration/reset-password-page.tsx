import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../shared/problems';
import { PublicShell } from './public-shell';

/** 重置密码: opened by the admin's one-time link; sets a new password and ends every login. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState(false);

  const submit = async (v: { newPassword: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api('/api/v1/identity/password-resets', {
        method: 'POST',
        body: { token, newPassword: v.newPassword },
      });
      setDone(true);
    } catch (e) {
      const tokenError = e instanceof ApiError ? e.fieldErrors.find((f) => f.field === 'token') : undefined;
      const said = tokenError?.messages.join(' ') ?? '';
      setProblem(
        tokenError
          ? t(
              /already been used/.test(said)
                ? 'resetPassword.used'
                : /expired/.test(said)
                  ? 'resetPassword.expired'
                  : 'resetPassword.invalid',
            )
          : problemMessage(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={t('resetPassword.title')}>
      {done ? (
        <Result
          status="success"
          title={t('resetPassword.done')}
          extra={
            // A button that goes, not a button inside a link (two stops for the keyboard, one control).
            <Button type="primary" onClick={() => navigate('/login')}>
              {t('login.submit')}
            </Button>
          }
          data-testid="reset-done"
        />
      ) : !token ? (
        <Alert type="error" showIcon title={t('resetPassword.noToken')} role="alert" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('resetPassword.intro')}</Typography.Paragraph>
          {problem && (
            <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />
          )}
          <Form layout="vertical" onFinish={submit} requiredMark={false} name="reset-password">
            <Form.Item
              name="newPassword"
              label={t('resetPassword.newPassword')}
              extra={t('admin.passwordRule')}
              rules={[
                {
                  required: true,
                  message: t('common.requiredField', { field: t('resetPassword.newPassword') }),
                },
                { min: 8, message: t('admin.passwordTooShort') },
                {
                  max: 128,
                  message: t('common.maxLength', { field: t('resetPassword.newPassword'), max: 128 }),
                },
                { pattern: /[A-Za-z]/, message: t('admin.passwordNeedsLetter') },
                { pattern: /\d/, message: t('admin.passwordNeedsDigit') },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} disabled={busy}>
              {t('resetPassword.submit')}
            </Button>
          </Form>
        </>
      )}
    </PublicShell>
  );
}
