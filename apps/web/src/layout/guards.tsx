import { LogoutOutlined } from '@ant-design/icons';
import { Button, Result, Space } from 'antd';
import { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/types';
import { useSession } from '../auth/session';
import { sessionStore } from '../auth/session-store';
import type { LoginState } from '../pages/login-page';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';
import { Pages } from './pages';
import { HOME } from './routes';

export function RequireLogin({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const ended = sessionStore.ended();
    // A link opened without a session (a notification's) leads on to its page after login; a page
    // the user logged out of does not.
    const state: LoginState | undefined = ended?.byLogout
      ? undefined
      : { from: location.pathname + location.search, forUserId: ended?.userId };
    return <Navigate to="/login" replace state={state} />;
  }
  // The API refuses everything else until then: the page alone, without the menus, the bell or the lists.
  if (user.mustChangePassword) {
    if (location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
    return <PendingPasswordLayout />;
  }
  return <>{children}</>;
}

/** A page of another role answers 403 in place (and the API refuses it too). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!user) return <Navigate to="/login" replace />;
  if (!roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title={<h1 className="page-title">{t('forbidden.title')}</h1>}
        subTitle={t('forbidden.body', { role: t(`role.${user.role}`) })}
        extra={
          <Button type="primary" onClick={() => navigate(HOME[user.role])}>
            {t('forbidden.home')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

export function HomeRedirect() {
  const { user } = useSession();
  return <Navigate to={user ? HOME[user.role] : '/login'} replace />;
}

/** What a user who must choose a password sees: the form, the language switch and a way out. */
function PendingPasswordLayout() {
  const { t } = useI18n();
  const { logout } = useSession();
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <div style={{ maxWidth: 480, margin: '48px auto 0' }}>
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 8 }}>
          <LanguageSwitch />
          <Button
            icon={<LogoutOutlined aria-hidden />}
            onClick={async () => {
              await logout();
              navigate('/login', { replace: true });
            }}
          >
            {t('nav.logout')}
          </Button>
        </Space>
        <Pages.ChangePassword />
      </div>
    </div>
  );
}
