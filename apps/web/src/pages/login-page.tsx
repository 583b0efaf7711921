import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/app-layout';
import { HOME } from '../layout/routes';
import { problemMessage } from '../shared/problems';

/**
 * The page that sent the user to log in: a link opened without a session, or the page a session ran
 * out on (then only its own user returns there; somebody else starts at their home page).
 */
export interface LoginState {
  from: string;
  forUserId?: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const back = location.state as LoginState | null;
  const target = (u: { id: string; role: keyof typeof HOME }) =>
    back?.from && (!back.forUserId || back.forUserId === u.id) ? back.from : HOME[u.role];
  if (user) return <Navigate to={target(user)} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const u = await login(v.username.trim(), v.password);
      navigate(target(u), { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError && (e.status === 401 || e.status === 400)
          ? e.status === 401
            ? t('login.failed')
            : problemMessage(e, t)
          : problemMessage(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 45%, #f5f5f5 45%)',
      }}
    >
      <Card
        style={{ width: '100%', maxWidth: 380 }}
        title={
          <span>
            {t('app.title')} · {t('login.title')}
          </span>
        }
        extra={<LanguageSwitch />}
      >
        <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
