import { Button, Result } from 'antd';
import { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/types';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { HOME } from './routes';

export function RequireLogin({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
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
        title={t('forbidden.title')}
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
