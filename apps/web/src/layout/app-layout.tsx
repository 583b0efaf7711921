import { GlobalOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { NotificationBell } from '../notifications/notification-bell';
import { NAV } from './routes';

const { Header, Sider, Content } = Layout;

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('lang.label')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      style={{ color: 'inherit' }}
    >
      {t('lang.switch')}
    </Button>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const items = NAV.filter((n) => n.roles.includes(user.role)).map((n) => ({
    key: n.path,
    label: t(n.label),
  }));
  const selected = items.find(
    (i) => location.pathname === i.key || location.pathname.startsWith(i.key + '/'),
  )?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          padding: narrow ? '0 12px' : '0 24px',
          background: '#b71c1c',
          color: '#fff',
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        {!narrow && <span style={{ opacity: 0.85 }}>{t('app.subtitle')}</span>}
        <div style={{ flex: 1 }} />
        <Space size={narrow ? 0 : 8}>
          {!narrow && (
            <span data-testid="current-user">
              {user.displayName} <Tag color="gold">{t(`role.${user.role}`)}</Tag>
            </span>
          )}
          <NotificationBell />
          <LanguageSwitch />
          <Button
            type="text"
            icon={<LockOutlined />}
            style={{ color: 'inherit' }}
            aria-label={t('password.title')}
            onClick={() => navigate('/change-password')}
          >
            {!narrow && t('password.short')}
          </Button>
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: 'inherit' }}
            aria-label={t('nav.logout')}
            onClick={async () => {
              await logout();
              navigate('/login', { replace: true });
            }}
          >
            {!narrow && t('nav.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        {narrow ? null : (
          <Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items}
              onClick={(e) => navigate(e.key)}
              aria-label="navigation"
              style={{ borderInlineEnd: 'none' }}
            />
          </Sider>
        )}
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          {narrow && (
            <Menu
              mode="horizontal"
              selectedKeys={selected ? [selected] : []}
              items={items}
              onClick={(e) => navigate(e.key)}
              aria-label="navigation"
              style={{ marginBottom: 12 }}
            />
          )}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
