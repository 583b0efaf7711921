import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ReactNode, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppLayout } from './layout/app-layout';
import { HomeRedirect, RequireLogin, RequireRole } from './layout/guards';
import { FILE_READERS, rolesFor } from './layout/routes';
import { AdminDepartmentsPage } from './pages/admin/departments-page';
import { AdminEnterprisesPage } from './pages/admin/enterprises-page';
import { AdminGridsPage } from './pages/admin/grids-page';
import { AdminUsersPage } from './pages/admin/users-page';
import { DashboardPage } from './pages/committee/dashboard-page';
import { DispatchDeskPage } from './pages/committee/dispatch-desk-page';
import { ExportsPage } from './pages/committee/exports-page';
import { LedgerPage } from './pages/committee/ledger-page';
import { RulesPage } from './pages/committee/rules-page';
import { SlaPage } from './pages/committee/sla-page';
import { AllTicketsPage } from './pages/committee/all-tickets-page';
import { FiguresPage } from './pages/department/figures-page';
import { QueuePage } from './pages/department/queue-page';
import { EnterpriseFilePage } from './pages/enterprise/enterprise-file-page';
import { MyTicketsPage } from './pages/enterprise/my-tickets-page';
import { WhistlePage } from './pages/enterprise/whistle-page';
import { GridTicketsPage } from './pages/instructor/grid-tickets-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { TicketPage } from './pages/ticket/ticket-page';
import { DirectoryProvider } from './shared/directory';

const guarded: [string, () => ReactNode][] = [
  ['/whistle', () => <WhistlePage />],
  ['/my-tickets', () => <MyTicketsPage />],
  ['/my-file', () => <EnterpriseFilePage />],
  ['/grid-tickets', () => <GridTicketsPage />],
  ['/queue', () => <QueuePage />],
  ['/my-figures', () => <FiguresPage />],
  ['/dashboard', () => <DashboardPage />],
  ['/desk', () => <DispatchDeskPage />],
  ['/tickets', () => <AllTicketsPage />],
  ['/rules', () => <RulesPage />],
  ['/sla', () => <SlaPage />],
  ['/ledger', () => <LedgerPage />],
  ['/exports', () => <ExportsPage />],
  ['/admin/users', () => <AdminUsersPage />],
  ['/admin/enterprises', () => <AdminEnterprisesPage />],
  ['/admin/departments', () => <AdminDepartmentsPage />],
  ['/admin/grids', () => <AdminGridsPage />],
];

function Localized() {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    document.title = locale === 'en' ? 'Whistle & Report' : '吹哨报到';
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#c62828', borderRadius: 4 } }}
    >
      <AntApp>
        <SessionProvider>
          <DirectoryProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireLogin>
                      <AppLayout />
                    </RequireLogin>
                  }
                >
                  <Route index element={<HomeRedirect />} />
                  {guarded.map(([path, page]) => (
                    <Route
                      key={path}
                      path={path}
                      element={<RequireRole roles={rolesFor(path)}>{page()}</RequireRole>}
                    />
                  ))}
                  <Route path="/tickets/:id" element={<TicketPage />} />
                  <Route path="/change-password" element={<ChangePasswordPage />} />
                  <Route
                    path="/enterprises/:id/file"
                    element={
                      <RequireRole roles={FILE_READERS}>
                        <EnterpriseFilePage />
                      </RequireRole>
                    }
                  />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </DirectoryProvider>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Localized />
    </I18nProvider>
  );
}
