import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Spin } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession, useUser } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { NotificationBell } from '../notifications/notification-bell';
import { HeaderSearch } from '../pages/ticket/desk/header-search';
import { LanguageSwitch } from './language-switch';
import { NAV } from './routes';

const { Header, Sider, Content } = Layout;

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
          gap: narrow ? 8 : 12,
          padding: narrow ? '0 12px' : '0 24px',
          background: '#b71c1c',
          color: '#fff',
        }}
      >
        {/* The app's name is not the page's heading: each page has its own h1. On a phone it is the one
            thing that gives way (its end hidden) when the buttons need the room: the page never
            scrolls sideways, whatever the language (English's name is twice as wide as 吹哨报到). */}
        <span
          title={narrow ? t('app.title') : undefined}
          style={{
            fontSize: narrow ? 18 : 20,
            fontWeight: 600,
            whiteSpace: 'nowrap',
            ...(narrow ? { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' } : {}),
          }}
        >
          {t('app.title')}
        </span>
        {/* The words that fit: in English the line is long, and a header that wraps spills its
            white words out of the red bar. */}
        {!narrow && (
          <span
            title={t('app.subtitle')}
            style={{
              flex: '0 1 auto',
              minWidth: 0,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {t('app.subtitle')}
          </span>
        )}
        <div style={{ flex: 1 }} />
        <div style={{ flexShrink: 0, display: 'flex' }}>
          <HeaderSearch />
        </div>
        <Space size={narrow ? 0 : 8} style={{ flexShrink: 0 }}>
          {!narrow && (
            <span data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
              {user.displayName}{' '}
              <span
                style={{
                  marginInlineStart: 4,
                  padding: '1px 8px',
                  borderRadius: 4,
                  background: '#fff',
                  color: '#8c1a10',
                  fontSize: 12,
                }}
              >
                {t(`role.${user.role}`)}
              </span>
            </span>
          )}
          <NotificationBell />
          <LanguageSwitch compact={narrow} />
          {/* The visible words are the name; on a phone, where only the icon shows, the name is said. */}
          <Button
            type="text"
            icon={<LockOutlined aria-hidden />}
            style={{ color: 'inherit' }}
            aria-label={narrow ? t('password.title') : undefined}
            onClick={() => navigate('/change-password')}
          >
            {!narrow && t('password.title')}
          </Button>
          <Button
            type="text"
            icon={<LogoutOutlined aria-hidden />}
            style={{ color: 'inherit' }}
            aria-label={narrow ? t('nav.logout') : undefined}
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
              aria-label={t('nav.label')}
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
              aria-label={t('nav.label')}
              style={{ marginBottom: 12 }}
            />
          )}
          <Suspense
            fallback={
              <div role="status" style={{ padding: 48, textAlign: 'center' }}>
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
