import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
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
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 45%, #f5f5f5 45%)',
      }}
    >
      {/* A plain box rather than antd's Card, which brings Tabs along: the login page is the first
          thing every user downloads, and its budget is 300 KB of compressed JavaScript. */}
      <section
        aria-labelledby="login-title"
        style={{
          width: '100%',
          maxWidth: 380,
          background: '#fff',
          borderRadius: 8,
          boxShadow: '0 1px 2px rgba(0,0,0,0.06), 0 1px 6px rgba(0,0,0,0.08)',
        }}
      >
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '12px 24px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <h1 className="page-title" id="login-title" style={{ fontSize: 18 }}>
            {t('app.title')} · {t('login.title')}
          </h1>
          <LanguageSwitch />
        </div>
        <div style={{ padding: 24 }}>
          <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <p style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
            <Link to="/register">{t('register.link')}</Link>
          </p>
        </div>
      </section>
    </main>
  );
}
